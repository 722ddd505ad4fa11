// POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews, which `kubectl auth can-i` sends
// (as protobuf). The simulator has one user, the learner, who may do everything: every review is
// allowed. The question is echoed back when the body is JSON.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './http-io.ts';
import { isProtobufBody } from './protobuf/decode.ts';

export const accessReviewPath = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

export async function answerAccessReview(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  let spec: unknown = {};
  if (body.length && !isProtobufBody(body)) {
    try {
      spec = (JSON.parse(body.toString('utf8')) as { spec?: unknown }).spec ?? {};
    } catch {
      spec = {};
    }
  }
  sendJson(res, 201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: {},
    spec,
    status: { allowed: true, reason: 'the Wheelhouse simulator lets its only user do everything' },
  });
}

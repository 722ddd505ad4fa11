// What a write request carries: the object (JSON, YAML or kubectl's protobuf), or a patch whose
// type the Content-Type names. Unknown fields are checked here against our OpenAPI schemas, as
// the API server's decoder does for fieldValidation=Strict|Warn|Ignore.
import { parse as parseYaml } from 'yaml';
import { badRequest, unsupportedMediaType } from '../machinery/errors.ts';
import type { PatchType, ResourceType } from '../machinery/types.ts';
import { dropUnknownFields } from '../openapi/unknown-fields.ts';
import { mediaType } from './http-io.ts';
import { decodeProtobufObject } from './protobuf/decode.ts';

export const objectMediaTypes = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const patchMediaTypes: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`error decoding the request body: ${(e as Error).message}`);
  }
}

function parseYamlText(text: string): unknown {
  try {
    return parseYaml(text);
  } catch (e) {
    throw badRequest(`error converting YAML to JSON: ${(e as Error).message}`);
  }
}

/** The object of a POST or PUT. Protobuf is decoded into the JSON kubectl would have sent. */
export function decodeObjectBody(contentType: string | undefined, body: Buffer): unknown {
  const type = mediaType(contentType) || 'application/json';
  if (type === 'application/json') return parseJson(body.toString('utf8'));
  if (type === 'application/yaml') return parseYamlText(body.toString('utf8'));
  if (type === 'application/vnd.kubernetes.protobuf') return decodeProtobufObject(body);
  throw unsupportedMediaType(objectMediaTypes);
}

/** The patch type and parsed body of a PATCH. Custom resources take no strategic merge patch. */
export function decodePatchBody(contentType: string | undefined, body: Buffer, rt: ResourceType): { type: PatchType; patch: unknown } {
  const mt = mediaType(contentType);
  const type = patchMediaTypes[mt];
  const crd = rt.group === 'gateway.networking.k8s.io';
  if (!type || (crd && type === 'strategic')) {
    throw unsupportedMediaType(Object.keys(patchMediaTypes).filter((t) => !(crd && t.includes('strategic'))));
  }
  const text = body.toString('utf8');
  return { type, patch: type === 'apply' ? parseYamlText(text) : parseJson(text) };
}

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export function parseFieldValidation(value: string | null): FieldValidation {
  if (value === null || value === '') return 'Warn'; // the API server's default since 1.27
  if (value === 'Strict' || value === 'Warn' || value === 'Ignore') return value;
  throw badRequest(`fieldValidation must be one of Ignore, Warn, or Strict, got: ${JSON.stringify(value)}`);
}

/** Applies field validation to a body: Strict rejects unknown fields with the decoder's error,
 * Warn drops them and returns one warning each, Ignore drops them silently. */
export function checkUnknownFields(rt: ResourceType, body: unknown, mode: FieldValidation, options: { patch?: boolean } = {}): string[] {
  const found = dropUnknownFields(rt.group, rt.version, rt.kind, body, options);
  if (found.length === 0) return [];
  const list = found.map((p) => `unknown field ${JSON.stringify(p)}`);
  if (mode === 'Strict') {
    const detail = `strict decoding error: ${list.join(', ')}`;
    throw badRequest(options.patch ? detail : `${rt.kind} in version "${rt.version}" cannot be handled as a ${rt.kind}: ${detail}`);
  }
  return mode === 'Warn' ? list : [];
}

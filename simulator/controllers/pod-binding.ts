// POST pods/<name>/binding, as kube-apiserver's BindingREST does it: set spec.nodeName (which a
// plain update may not change) and the PodScheduled=True condition in one write. Our API server has
// no binding subresource yet, so this goes through its commit path directly.
import { rfc3339 } from '../machinery/clock.ts';
import type { ApiServer } from '../machinery/api-server.ts';
import { conflict } from '../machinery/errors.ts';
import { cloneJson } from '../machinery/json.ts';
import type { Pod } from './pod-types.ts';

export function bindPod(api: ApiServer, namespace: string, name: string, uid: string, nodeName: string): Pod {
  const rt = api.resolve({ group: '', resource: 'pods' }, 'update');
  const stored = api.mustGet(rt, namespace, name) as Pod;
  const gr = { group: '', resource: 'pods' };
  if (stored.metadata.uid !== uid) throw conflict(gr, name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${stored.metadata.uid}`);
  if (stored.metadata.deletionTimestamp) throw conflict(gr, name, `pod ${name} is being deleted, cannot be assigned to a host`);
  if (stored.spec.nodeName) throw conflict(gr, name, `pod ${name} is already assigned to node "${stored.spec.nodeName}"`);
  const next = cloneJson(stored);
  next.spec.nodeName = nodeName;
  const status = (next.status ??= {});
  const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(api.clock.now()) });
  status.conditions = conditions;
  return api.commit(rt, next) as Pod;
}

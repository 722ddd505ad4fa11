// What upstream's admission plugins add to a new Pod before it is stored: the ServiceAccount
// plugin (serviceAccountName `default`, the kube-api-access-xxxxx token volume and its mounts),
// DefaultTolerationSeconds (tolerate not-ready/unreachable nodes for 300 s) and Priority.
// Each step is idempotent, so running it twice changes nothing.
import type { KubeObject } from '../machinery/types.ts';
import type { StrategyContext } from './strategy.ts';
import { arrayAt, ensureObject, isObject, stringAt, type JsonObject } from './json.ts';

export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

const SYSTEM_PRIORITIES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

function findServiceAccount(ctx: StrategyContext, namespace: string, name: string): KubeObject | undefined {
  try {
    return ctx.list({ group: '', resource: 'serviceaccounts' }, { namespace }).items.find((sa) => sa.metadata.name === name);
  } catch {
    return undefined;
  }
}

function addTokenVolume(spec: JsonObject, ctx: StrategyContext): void {
  const containers = [...arrayAt(spec, 'initContainers'), ...arrayAt(spec, 'containers')];
  // A pod that already mounts something at the token path keeps it (and a second run adds nothing).
  const mounted = containers.some((c) => arrayAt(c, 'volumeMounts').some((m) => stringAt(m, 'mountPath') === TOKEN_MOUNT_PATH));
  if (mounted) return;
  const name = `kube-api-access-${ctx.random.nameSuffix(5)}`;
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : (spec.volumes = []);
  volumes.push({
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  });
  for (const c of containers) {
    if (!isObject(c)) continue;
    const mounts = Array.isArray(c.volumeMounts) ? c.volumeMounts : (c.volumeMounts = []);
    mounts.push({ mountPath: TOKEN_MOUNT_PATH, name, readOnly: true });
  }
}

function addDefaultTolerations(spec: JsonObject): void {
  const tolerations = arrayAt(spec, 'tolerations');
  const tolerates = (key: string) =>
    tolerations.some((t) => {
      const k = stringAt(t, 'key') ?? '';
      const effect = stringAt(t, 'effect') ?? '';
      return (k === key || k === '') && (effect === 'NoExecute' || effect === '');
    });
  const added: JsonObject[] = [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerates(key)) added.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  if (added.length) spec.tolerations = [...tolerations, ...added];
}

/** Runs the pod admission plugins on create. Returns why the pod is refused (403 Forbidden), if it is. */
export function admitPod(pod: KubeObject, ctx: StrategyContext): string | undefined {
  const spec = ensureObject(pod, 'spec');
  const namespace = pod.metadata.namespace ?? 'default';
  if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
  spec.serviceAccount = spec.serviceAccountName;
  const saName = String(spec.serviceAccountName);
  const sa = findServiceAccount(ctx, namespace, saName);
  // The `default` account appears moments after its namespace; only a named account that is missing is refused.
  if (!sa && saName !== 'default') {
    return `error looking up service account ${namespace}/${saName}: serviceaccount "${saName}" not found`;
  }
  const automount = spec.automountServiceAccountToken ?? sa?.automountServiceAccountToken;
  if (automount !== false) addTokenVolume(spec, ctx);

  addDefaultTolerations(spec);

  const className = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
  if (spec.priority === undefined) spec.priority = SYSTEM_PRIORITIES[className] ?? 0;
  if (spec.preemptionPolicy === undefined) spec.preemptionPolicy = 'PreemptLowerPriority';
  return undefined;
}

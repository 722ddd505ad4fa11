// The kubelet's volume manager, as far as a pod's start depends on it: before the sandbox, every
// volume of the pod must be set up. ConfigMap, Secret and projected volumes read their objects
// through the API; a missing object (or a key named in `items` that the object lacks) fails the
// mount unless the source is `optional`, and the pod waits in ContainerCreating. Each volume's
// failed mount is retried on its own exponential back-off (500 ms, doubling, capped at 2m2s —
// upstream's nestedpendingoperations), with a Warning FailedMount event per failure, so creating
// the missing object lets the pod start at the next retry, not at once: the kubelet polls, it does
// not watch. Other volume types (emptyDir, hostPath, downwardAPI, persistentVolumeClaim, …) mount
// at once.
//
// Not modelled: the "Unable to attach or mount volumes: …" event after the 2m3s wait — since 1.28
// the kubelet drops it when the wait merely timed out (wait.Interrupted), so 1.32 does not print
// it; and remounts of already-mounted volumes (a ConfigMap deleted under a running pod).
import type { ApiClient } from '../machinery/types.ts';
import { readDataObject } from './kubelet-env.ts';
import type { Pod } from './pod-types.ts';

/** Back-off between attempts at one volume (upstream exponentialbackoff). */
export const volumeRetry = {
  initialMs: 500,
  /** 2m2s: offset from two minutes upstream so these waits are recognisable in logs. */
  maxMs: 122_000,
};

interface KeyToPath {
  key: string;
  path?: string;
}

interface ObjectSource {
  name?: string;
  items?: KeyToPath[];
  optional?: boolean;
}

interface PodVolume {
  name: string;
  configMap?: ObjectSource;
  secret?: { secretName?: string; items?: KeyToPath[]; optional?: boolean };
  projected?: { sources?: Array<{ configMap?: ObjectSource; secret?: ObjectSource }> };
}


/** One pod's mounts, plain data: which volumes are set up, and the back-off of those that failed. */
export interface VolumeMountState {
  /** All volumes are set up: the sandbox may be created. */
  mounted: boolean;
  done: string[];
  failures: Record<string, { durationMs: number; lastErrorAt: number }>;
}

/** A pod the kubelet adopts already running had its volumes mounted back then. */
export function newVolumeMountState(alreadyRunning: boolean): VolumeMountState {
  return { mounted: alreadyRunning, done: [], failures: {} };
}

/** The error of one ConfigMap or Secret source, in the volume plugins' words (pkg/volume/configmap,
 * pkg/volume/secret: the kubelet's object cache answers NotFound for the singular resource). */
function sourceError(client: ApiClient, kind: 'configmap' | 'secret', namespace: string, name: string, items: KeyToPath[] | undefined, optional: boolean): string | undefined {
  const obj = readDataObject(client, kind, namespace, name);
  if (!obj) return optional ? undefined : `${kind} "${name}" not found`;
  for (const item of items ?? []) {
    const present = obj.data?.[item.key] !== undefined || (kind === 'configmap' && obj.binaryData?.[item.key] !== undefined);
    if (present || optional) continue;
    return kind === 'configmap' ? `configmap references non-existent config key: ${item.key}` : `references non-existent secret key: ${item.key}`;
  }
  return undefined;
}

/** SetUp for one volume: undefined when it mounts, else the error. */
function setUp(client: ApiClient, namespace: string, volume: PodVolume): string | undefined {
  if (volume.configMap) {
    const s = volume.configMap;
    return sourceError(client, 'configmap', namespace, s.name ?? '', s.items, !!s.optional);
  }
  if (volume.secret) {
    const s = volume.secret;
    return sourceError(client, 'secret', namespace, s.secretName ?? '', s.items, !!s.optional);
  }
  if (volume.projected) {
    // The projected plugin tries every source and reports them together (utilerrors.NewAggregate:
    // one error as itself, several de-duplicated as "[a, b]").
    const errors: string[] = [];
    for (const source of volume.projected.sources ?? []) {
      const ref = source.configMap ?? source.secret;
      if (!ref) continue; // downwardAPI, serviceAccountToken, clusterTrustBundle: always there
      const err = sourceError(client, source.configMap ? 'configmap' : 'secret', namespace, ref.name ?? '', ref.items, !!ref.optional);
      if (err !== undefined && !errors.includes(err)) errors.push(err);
    }
    if (errors.length === 0) return undefined;
    return errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
  }
  return undefined;
}

/**
 * Tries each volume not yet mounted whose back-off has run out, in spec order, reporting each
 * failure as the FailedMount event's message. Returns when the earliest retry falls due while some
 * volume is still unmounted, or undefined once all are mounted.
 */
export function mountVolumes(client: ApiClient, pod: Pod, state: VolumeMountState, now: number, failed: (message: string) => void): number | undefined {
  if (state.mounted) return undefined;
  const namespace = pod.metadata.namespace ?? 'default';
  const volumes = (pod.spec.volumes ?? []) as PodVolume[];
  let retryAt = Infinity;
  for (const volume of volumes) {
    if (state.done.includes(volume.name)) continue;
    const previous = state.failures[volume.name];
    if (previous && now < previous.lastErrorAt + previous.durationMs) {
      retryAt = Math.min(retryAt, previous.lastErrorAt + previous.durationMs);
      continue;
    }
    const error = setUp(client, namespace, volume);
    if (error === undefined) {
      state.done.push(volume.name);
      delete state.failures[volume.name];
      continue;
    }
    const durationMs = previous ? Math.min(previous.durationMs * 2, volumeRetry.maxMs) : volumeRetry.initialMs;
    state.failures[volume.name] = { durationMs, lastErrorAt: now };
    retryAt = Math.min(retryAt, now + durationMs);
    // operationexecutor's GenerateError: "<prefix> for volume <name> " then ": <err>".
    failed(`MountVolume.SetUp failed for volume "${volume.name}" : ${error}`);
  }
  if (Number.isFinite(retryAt)) return retryAt;
  state.mounted = true;
  return undefined;
}

// What the API server fills into a pod spec (upstream core/v1 defaults.go). Pods and the pod
// templates inside ReplicaSets, Deployments and the rest share defaultPodSpec; only real Pods get
// defaultPod's extras (requests copied from limits, enableServiceLinks).
import { arrayAt, ensureObject, isObject, objectAt, setDefault, type JsonObject } from './json.ts';

/** Always for `:latest` or no tag at all (unless pinned by digest), else IfNotPresent — as upstream's ParseImageName decides. */
export function defaultPullPolicy(image: unknown): 'Always' | 'IfNotPresent' {
  if (typeof image !== 'string' || image.length === 0) return 'IfNotPresent';
  const [name, digest] = image.split('@', 2) as [string, string | undefined];
  const lastSlash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > lastSlash ? name.slice(colon + 1) : '';
  if (tag === 'latest') return 'Always';
  if (tag === '' && !digest) return 'Always';
  return 'IfNotPresent';
}

function defaultHTTPGet(handler: unknown): void {
  const http = objectAt(handler, 'httpGet');
  if (!http) return;
  setDefault(http, 'path', '/');
  setDefault(http, 'scheme', 'HTTP');
}

function defaultProbe(probe: unknown): void {
  if (!isObject(probe)) return;
  setDefault(probe, 'timeoutSeconds', 1);
  setDefault(probe, 'periodSeconds', 10);
  setDefault(probe, 'successThreshold', 1);
  setDefault(probe, 'failureThreshold', 3);
  defaultHTTPGet(probe);
}

function defaultFieldRef(holder: unknown): void {
  const fieldRef = objectAt(holder, 'fieldRef');
  if (fieldRef) setDefault(fieldRef, 'apiVersion', 'v1');
  // The divisor is a non-omitempty Quantity upstream, so it always comes back, as "0" when unset.
  const resourceFieldRef = objectAt(holder, 'resourceFieldRef');
  if (resourceFieldRef) setDefault(resourceFieldRef, 'divisor', '0');
}

export function defaultContainer(c: unknown): void {
  if (!isObject(c)) return;
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(c.image);
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  setDefault(c, 'resources', {});
  for (const port of arrayAt(c, 'ports')) if (isObject(port)) setDefault(port, 'protocol', 'TCP');
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(c[probe]);
  const lifecycle = objectAt(c, 'lifecycle');
  if (lifecycle) for (const hook of ['postStart', 'preStop']) defaultHTTPGet(lifecycle[hook]);
  for (const env of arrayAt(c, 'env')) defaultFieldRef(objectAt(env, 'valueFrom'));
}

const VOLUME_SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap',
  'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO',
  'csi', 'ephemeral', 'image',
] as const;
export const VOLUME_SOURCE_FIELDS: readonly string[] = VOLUME_SOURCES;

function defaultVolume(v: unknown): void {
  if (!isObject(v)) return;
  // A volume that names no source at all becomes an emptyDir.
  if (!VOLUME_SOURCES.some((s) => v[s] !== undefined && v[s] !== null)) v.emptyDir = {};
  for (const kind of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const src = objectAt(v, kind);
    if (src) setDefault(src, 'defaultMode', 420);
  }
  const hostPath = objectAt(v, 'hostPath');
  if (hostPath) setDefault(hostPath, 'type', '');
  for (const item of arrayAt(objectAt(v, 'downwardAPI'), 'items')) defaultFieldRef(item);
  for (const source of arrayAt(objectAt(v, 'projected'), 'sources')) {
    const token = objectAt(source, 'serviceAccountToken');
    if (token) setDefault(token, 'expirationSeconds', 3600);
    for (const item of arrayAt(objectAt(source, 'downwardAPI'), 'items')) defaultFieldRef(item);
  }
  const iscsi = objectAt(v, 'iscsi');
  if (iscsi) setDefault(iscsi, 'iscsiInterface', 'default');
}

/** SetDefaults_PodSpec and everything nested in it (containers, probes, volumes). */
export function defaultPodSpec(spec: JsonObject): void {
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'schedulerName', 'default-scheduler');
  // serviceAccount is the deprecated twin of serviceAccountName; the API keeps them equal.
  if (!spec.serviceAccountName && typeof spec.serviceAccount === 'string' && spec.serviceAccount) {
    spec.serviceAccountName = spec.serviceAccount;
  }
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  for (const c of arrayAt(spec, 'initContainers')) defaultContainer(c);
  for (const c of arrayAt(spec, 'containers')) defaultContainer(c);
  for (const c of arrayAt(spec, 'ephemeralContainers')) defaultContainer(c);
  for (const v of arrayAt(spec, 'volumes')) defaultVolume(v);
}

/** Requests default to limits for whatever has a limit but no request (Pods only, not templates). */
function defaultRequestsFromLimits(c: unknown): void {
  if (!isObject(c)) return;
  const resources = objectAt(c, 'resources');
  const limits = objectAt(resources, 'limits');
  if (!resources || !limits) return;
  const requests = ensureObject(resources, 'requests');
  for (const [name, value] of Object.entries(limits)) if (requests[name] === undefined) requests[name] = value;
}

/** SetDefaults_Pod plus SetDefaults_PodSpec. */
export function defaultPod(pod: JsonObject): void {
  const spec = ensureObject(pod, 'spec');
  for (const c of arrayAt(spec, 'containers')) defaultRequestsFromLimits(c);
  for (const c of arrayAt(spec, 'initContainers')) defaultRequestsFromLimits(c);
  setDefault(spec, 'enableServiceLinks', true);
  defaultPodSpec(spec);
}

/** Defaults for a pod template (spec.template of workloads): only the pod spec's own defaults. */
export function defaultPodTemplate(template: unknown): void {
  if (!isObject(template)) return;
  defaultPodSpec(ensureObject(template, 'spec'));
}

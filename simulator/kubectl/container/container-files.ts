// The files a process in a container can read: the image's own (see image-profiles.ts), what the
// kubelet writes into every container (/etc/hosts, /etc/hostname, /etc/resolv.conf), the
// projected service-account token, and the volumes the container mounts — ConfigMap keys and
// Secret values (decoded) as files, emptyDirs as empty folders. Built fresh for each exec, so an
// edited ConfigMap shows up the way the kubelet's periodic sync would show it.
import type { ApiClient, KubeObject } from '../../machinery/types.ts';
import { hasReason } from '../../machinery/errors.ts';
import { decodeBase64 } from '../../shell/commands/base64.ts';
import { WorkspaceFs } from '../../shell/workspace-fs.ts';
import { hostsFile, resolvConf } from '../../workloads/container-files.ts';
import { osRelease, type ImageProfile } from './image-profiles.ts';

interface KeyToPath {
  key: string;
  path: string;
}
interface Volume {
  name: string;
  configMap?: { name: string; items?: KeyToPath[]; optional?: boolean };
  secret?: { secretName: string; items?: KeyToPath[]; optional?: boolean };
  emptyDir?: unknown;
  projected?: { sources?: Array<{ configMap?: { name: string; items?: KeyToPath[] }; secret?: { name: string; items?: KeyToPath[] }; serviceAccountToken?: { path: string }; downwardAPI?: { items?: Array<{ path: string; fieldRef?: { fieldPath: string } }> } }> };
  downwardAPI?: { items?: Array<{ path: string; fieldRef?: { fieldPath: string } }> };
}
interface VolumeMount {
  name: string;
  mountPath: string;
  subPath?: string;
  readOnly?: boolean;
}
export interface ExecPod extends KubeObject {
  spec?: {
    containers?: Array<{ name: string; volumeMounts?: VolumeMount[] }>;
    initContainers?: Array<{ name: string; volumeMounts?: VolumeMount[] }>;
    volumes?: Volume[];
    serviceAccountName?: string;
    automountServiceAccountToken?: boolean;
    hostname?: string;
    subdomain?: string;
    enableServiceLinks?: boolean;
  };
  status?: { podIP?: string };
}

type DataObject = KubeObject & { data?: Record<string, string>; binaryData?: Record<string, string> };

const serviceAccountDir = '/var/run/secrets/kubernetes.io/serviceaccount';

/** A token-shaped string, stable per pod (the real one is a signed JWT the API server issues). */
function projectedToken(pod: KubeObject): string {
  const payload = JSON.stringify({ aud: ['https://kubernetes.default.svc.cluster.local'], iss: 'https://kubernetes.default.svc.cluster.local', 'kubernetes.io': { namespace: pod.metadata.namespace, pod: { name: pod.metadata.name, uid: pod.metadata.uid }, serviceaccount: { name: (pod.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName ?? 'default' } }, sub: `system:serviceaccount:${pod.metadata.namespace}:${(pod.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName ?? 'default'}` });
  const b64url = (s: string) => btoa(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64url('{"alg":"RS256","kid":"wheelhouse-sim"}')}.${b64url(payload)}.${b64url(`signature:${pod.metadata.uid ?? ''}`)}`;
}

/** processFiles: what the container's own process wrote (ContainerRuntime.files), written last. */
export function containerFiles(client: ApiClient, pod: ExecPod, container: string, profile: ImageProfile, now: number, home: string, processFiles: ReadonlyMap<string, string> = new Map()): WorkspaceFs {
  const fs = new WorkspaceFs({ home, now: () => now });
  const write = (path: string, content: string) => {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
    fs.writeFile(path, content);
  };
  for (const dir of ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/var', '/lib', '/sbin', '/run', profile.workdir]) fs.mkdir(dir, { recursive: true });
  const release = osRelease(profile.base);
  if (release) write('/etc/os-release', release);
  for (const [path, content] of Object.entries(profile.files ?? {})) write(path, content);
  write('/etc/hostname', `${pod.spec?.hostname ?? pod.metadata.name ?? ''}\n`);
  // The kubelet-managed files, as the kubelet writes them when the container starts.
  write('/etc/hosts', hostsFile(pod, pod.status?.podIP ?? ''));
  write('/etc/resolv.conf', resolvConf(pod));

  const namespace = pod.metadata.namespace ?? 'default';
  const fetch = (resource: 'configmaps' | 'secrets', name: string): DataObject | undefined => {
    try {
      return client.get<DataObject>({ resource }, namespace, name);
    } catch (err) {
      if (hasReason(err, 'NotFound')) return undefined;
      throw err;
    }
  };
  const filesOf = (obj: DataObject | undefined, secret: boolean, items: KeyToPath[] | undefined): Record<string, string> => {
    const data: Record<string, string> = {};
    for (const [k, v] of Object.entries(obj?.data ?? {})) data[k] = secret ? decodeBase64Text(v) : v;
    for (const [k, v] of Object.entries(obj?.binaryData ?? {})) data[k] = decodeBase64Text(v);
    if (!items) return data;
    return Object.fromEntries(items.filter((i) => i.key in data).map((i) => [i.path, data[i.key]!]));
  };
  const volumeFiles = (volume: Volume): Record<string, string> | undefined => {
    if (volume.configMap) return filesOf(fetch('configmaps', volume.configMap.name), false, volume.configMap.items);
    if (volume.secret) return filesOf(fetch('secrets', volume.secret.secretName), true, volume.secret.items);
    if (volume.emptyDir !== undefined) return {};
    if (volume.projected) {
      const out: Record<string, string> = {};
      for (const source of volume.projected.sources ?? []) {
        if (source.configMap) Object.assign(out, filesOf(fetch('configmaps', source.configMap.name), false, source.configMap.items));
        if (source.secret) Object.assign(out, filesOf(fetch('secrets', source.secret.name), true, source.secret.items));
        if (source.serviceAccountToken) out[source.serviceAccountToken.path] = projectedToken(pod);
        if (source.downwardAPI) Object.assign(out, downwardFiles(source.downwardAPI.items));
      }
      return out;
    }
    if (volume.downwardAPI) return downwardFiles(volume.downwardAPI.items);
    return undefined; // hostPath, PVCs…: contents not modelled; the mount point exists
  };

  // Pod fields as files (the kube-api-access volume's `namespace` is one).
  function downwardFiles(items: Array<{ path: string; fieldRef?: { fieldPath: string } }> | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    for (const item of items ?? []) {
      const path = item.fieldRef?.fieldPath ?? '';
      const value = path === 'metadata.namespace' ? namespace : path === 'metadata.name' ? pod.metadata.name : path === 'metadata.uid' ? pod.metadata.uid : path.startsWith('metadata.labels') ? Object.entries(pod.metadata.labels ?? {}).map(([k, v]) => `${k}="${v}"`).join('\n') : undefined;
      if (value !== undefined) out[item.path] = value;
    }
    return out;
  }

  const spec = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === container);
  const mounts = spec?.volumeMounts ?? [];
  // The admission plugin adds the kube-api-access volume; if it was not added, mount the token the same way.
  if (pod.spec?.automountServiceAccountToken !== false && !mounts.some((m) => m.mountPath === serviceAccountDir)) {
    const rootCA = fetch('configmaps', 'kube-root-ca.crt')?.data?.['ca.crt'] ?? '';
    write(`${serviceAccountDir}/ca.crt`, rootCA);
    write(`${serviceAccountDir}/namespace`, namespace);
    write(`${serviceAccountDir}/token`, projectedToken(pod));
  }
  for (const mount of mounts) {
    const volume = pod.spec?.volumes?.find((v) => v.name === mount.name);
    const files = volume ? volumeFiles(volume) : undefined;
    if (mount.subPath) {
      const content = files?.[mount.subPath];
      if (content !== undefined) write(mount.mountPath, content);
      else fs.mkdir(mount.mountPath, { recursive: true });
      continue;
    }
    fs.mkdir(mount.mountPath, { recursive: true });
    for (const [path, content] of Object.entries(files ?? {})) write(`${mount.mountPath.replace(/\/$/, '')}/${path}`, content);
  }
  for (const [path, content] of processFiles) {
    try {
      write(path, content);
    } catch {
      // A path the image has as a directory: the process could not have written it either.
    }
  }
  return fs;
}

function decodeBase64Text(b64: string): string {
  const bytes = decodeBase64(b64);
  return bytes ? new TextDecoder().decode(bytes) : b64;
}

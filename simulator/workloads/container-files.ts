// The files the kubelet puts into a container besides the image's own: /etc/hosts, /etc/hostname
// and /etc/resolv.conf (managed per pod), and the ConfigMap, Secret and emptyDir volumes the
// container mounts. ConfigMap and Secret volumes are laid out as the kubelet's atomic writer does:
// the data in a timestamped directory, `..data` a symlink to it, and each key a symlink into
// `..data`, so `ls` shows the keys and `ls -a` the machinery behind them.
// Pure: the caller looks the objects up (lookup returns undefined for a missing one).
import { fakeSha256 } from './digest.ts';
import type { KubeObject } from '../machinery/types.ts';
import { clusterDomain } from '../network/addresses.ts';
import { resolvConf as resolverFor } from '../network/dns.ts';

export interface ContainerFile {
  /** Absolute path. */
  path: string;
  /** A regular file's content (absent for directories and symlinks). */
  content?: string;
  /** A symlink's target, as written (relative to the link's directory). */
  link?: string;
  dir?: boolean;
  /** Permission bits, e.g. 0o644. */
  mode?: number;
}

interface KeyToPath {
  key: string;
  path: string;
  mode?: number;
}

interface VolumeSpec {
  name: string;
  configMap?: { name?: string; items?: KeyToPath[]; defaultMode?: number; optional?: boolean };
  secret?: { secretName?: string; items?: KeyToPath[]; defaultMode?: number; optional?: boolean };
  emptyDir?: object;
}

interface PodLike extends KubeObject {
  spec?: {
    hostname?: string;
    subdomain?: string;
    hostNetwork?: boolean;
    dnsPolicy?: string;
    dnsConfig?: { nameservers?: string[]; searches?: string[]; options?: Array<{ name: string; value?: string }> };
    hostAliases?: Array<{ ip?: string; hostnames?: string[] }>;
    volumes?: VolumeSpec[];
    containers?: Array<{ name: string; volumeMounts?: Array<{ name: string; mountPath: string; subPath?: string }> }>;
    initContainers?: Array<{ name: string; volumeMounts?: Array<{ name: string; mountPath: string; subPath?: string }> }>;
  };
  status?: { podIP?: string };
}

/** What the hosts file and resolv.conf are made from. */
type PodNaming = Pick<PodLike, 'metadata'> & { spec?: Pick<NonNullable<PodLike['spec']>, 'hostname' | 'subdomain' | 'hostAliases' | 'dnsPolicy' | 'dnsConfig'> };

export interface VolumeLookup {
  configMap(namespace: string, name: string): { data?: Record<string, string>; binaryData?: Record<string, string> } | undefined;
  secret(namespace: string, name: string): { data?: Record<string, string> } | undefined;
}

/** pkg/kubelet/kubelet_pods.go managedHostsFileContent: the header, loopback lines, the pod, then hostAliases. */
export function hostsFile(pod: PodNaming, podIP: string): string {
  const name = pod.spec?.hostname || pod.metadata.name || '';
  const ns = pod.metadata.namespace ?? 'default';
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ];
  const sub = pod.spec?.subdomain;
  if (podIP) lines.push(sub ? `${podIP}\t${name}.${sub}.${ns}.svc.${clusterDomain}\t${name}` : `${podIP}\t${name}`);
  const aliases = pod.spec?.hostAliases ?? [];
  let text = `${lines.join('\n')}\n`;
  if (aliases.length) {
    text += '\n# Entries added by HostAliases.\n';
    for (const a of aliases) text += `${a.ip ?? ''}\t${(a.hostnames ?? []).join('\t')}\n`;
  }
  return text;
}

/** The pod's /etc/resolv.conf: the cluster resolver for its namespace, with dnsConfig merged in. */
export function resolvConf(pod: PodNaming): string {
  return resolverFor(pod.metadata.namespace ?? 'default', { policy: pod.spec?.dnsPolicy, config: pod.spec?.dnsConfig });
}

function decodeBase64(text: string): string {
  try {
    const bin = atob(text);
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

/** The atomic writer's data directory name: `..2025_01_01_00_00_00.` and a number. */
function dataDirName(startedAt: number, seed: string): string {
  const stamp = new Date(startedAt).toISOString().slice(0, 19).replace(/[-T:]/g, '_');
  return `..${stamp}.${parseInt(fakeSha256(seed).slice(0, 8), 16) % 1_000_000_000}`;
}

function keyedVolume(mountPath: string, entries: Array<[string, string, number]>, startedAt: number, seed: string): ContainerFile[] {
  const dir = mountPath.replace(/\/+$/, '') || '/';
  const data = dataDirName(startedAt, seed);
  const files: ContainerFile[] = [{ path: dir, dir: true, mode: 0o1777 }, { path: `${dir}/${data}`, dir: true, mode: 0o755 }, { path: `${dir}/..data`, link: data }];
  for (const [key, content, mode] of entries) {
    files.push({ path: `${dir}/${data}/${key}`, content, mode });
    // Only the top of a nested item path is linked (a/b → ..data/a), as the atomic writer does.
    const top = key.split('/')[0]!;
    if (!files.some((f) => f.path === `${dir}/${top}`)) files.push({ path: `${dir}/${top}`, link: `..data/${top}` });
    if (top !== key) files.push({ path: `${dir}/${data}/${top}`, dir: true, mode: 0o755 });
  }
  return files;
}

function selectKeys(data: Record<string, string>, items: KeyToPath[] | undefined, defaultMode: number): Array<[string, string, number]> {
  if (!items) return Object.entries(data).map(([k, v]) => [k, v, defaultMode]);
  return items.filter((i) => i.key in data).map((i) => [i.path, data[i.key]!, i.mode ?? defaultMode]);
}

/**
 * What the kubelet adds to one container's filesystem. Volumes whose source is missing are left
 * out (the kubelet's mount checks decide whether the container starts at all).
 */
export function containerFiles(pod: PodLike, containerName: string, podIP: string, startedAt: number, lookup: VolumeLookup): ContainerFile[] {
  const ns = pod.metadata.namespace ?? 'default';
  const files: ContainerFile[] = [];
  if (!pod.spec?.hostNetwork) {
    files.push({ path: '/etc/hosts', content: hostsFile(pod, podIP), mode: 0o644 });
    files.push({ path: '/etc/hostname', content: `${pod.spec?.hostname || pod.metadata.name || ''}\n`, mode: 0o644 });
    if ((pod.spec?.dnsPolicy ?? 'ClusterFirst') !== 'Default') files.push({ path: '/etc/resolv.conf', content: resolvConf(pod), mode: 0o644 });
  }
  const container = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === containerName);
  for (const m of container?.volumeMounts ?? []) {
    if (m.subPath) continue; // a single file from the volume: not modelled
    const v = (pod.spec?.volumes ?? []).find((x) => x.name === m.name);
    if (!v) continue;
    const seed = `${pod.metadata.uid ?? ''}/${v.name}`;
    if (v.configMap) {
      const cm = lookup.configMap(ns, v.configMap.name ?? '');
      if (!cm) continue;
      const binary = Object.fromEntries(Object.entries(cm.binaryData ?? {}).map(([k, b]) => [k, decodeBase64(b)]));
      files.push(...keyedVolume(m.mountPath, selectKeys({ ...(cm.data ?? {}), ...binary }, v.configMap.items, v.configMap.defaultMode ?? 0o644), startedAt, seed));
    } else if (v.secret) {
      const s = lookup.secret(ns, v.secret.secretName ?? '');
      if (!s) continue;
      const data = Object.fromEntries(Object.entries(s.data ?? {}).map(([k, b]) => [k, decodeBase64(b)]));
      files.push(...keyedVolume(m.mountPath, selectKeys(data, v.secret.items, v.secret.defaultMode ?? 0o644), startedAt, seed));
    } else if (v.emptyDir) {
      files.push({ path: m.mountPath.replace(/\/+$/, '') || '/', dir: true, mode: 0o777 });
    }
  }
  return files;
}

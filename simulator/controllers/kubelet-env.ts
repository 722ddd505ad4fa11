// A container's environment as the kubelet builds it before creating the container: literal
// values, ConfigMap and Secret keys, the downward API, and the service links (docker-links style
// CATALOG_SERVICE_HOST, CATALOG_PORT_80_TCP_ADDR, …) for the Services that exist right then. A
// reference to something missing is the CreateContainerConfigError the pod then shows, with the
// kubelet's wording.
import type { ApiClient, KubeObject } from '../machinery/types.ts';
import { getIfExists } from './client-calls.ts';
import { type Container, type Pod, configMapsRef, secretsRef } from './pod-types.ts';

export type DataObject = KubeObject & { data?: Record<string, string>; binaryData?: Record<string, string> };

/** A ConfigMap or Secret a pod refers to (for env, volumes and mounted files); undefined if missing. */
export function readDataObject(client: ApiClient, kind: 'configmap' | 'secret', namespace: string, name: string): DataObject | undefined {
  return getIfExists<DataObject>(client, kind === 'configmap' ? configMapsRef : secretsRef, namespace, name);
}

interface ServiceLike extends KubeObject {
  spec?: { clusterIP?: string; type?: string; ports?: Array<{ name?: string; port: number; protocol?: string }> };
}

const servicesRef = { group: '', resource: 'services' } as const;

/** Upstream's makeEnvVariableName: upper case, dashes to underscores. */
function envName(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

/** The variables for one Service (pkg/kubelet/envvars FromServices); none without a cluster IP. */
export function serviceLinkEnv(service: ServiceLike): Record<string, string> {
  const ip = service.spec?.clusterIP;
  const ports = service.spec?.ports ?? [];
  if (!ip || ip === 'None' || ports.length === 0) return {};
  const name = envName(service.metadata.name ?? '');
  const hostPort = (port: number) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);
  const env: Record<string, string> = { [`${name}_SERVICE_HOST`]: ip, [`${name}_SERVICE_PORT`]: String(ports[0]!.port) };
  for (const p of ports) if (p.name) env[`${name}_SERVICE_PORT_${envName(p.name)}`] = String(p.port);
  ports.forEach((p, i) => {
    const protocol = p.protocol || 'TCP';
    const url = `${protocol.toLowerCase()}://${hostPort(p.port)}`;
    if (i === 0) env[`${name}_PORT`] = url; // docker special-cases the first port
    const prefix = `${name}_PORT_${p.port}_${protocol.toUpperCase()}`;
    env[prefix] = url;
    env[`${prefix}_PROTO`] = protocol.toLowerCase();
    env[`${prefix}_PORT`] = String(p.port);
    env[`${prefix}_ADDR`] = ip;
  });
  return env;
}

/** The service links a container of this pod gets now: every Service of the pod's namespace
 * (unless enableServiceLinks is false) and, in every namespace, the API server's `kubernetes`.
 * existedBy (epoch ms) leaves out Services created later, for a container that started back then. */
export function serviceLinks(client: ApiClient, pod: Pod, existedBy?: number): Record<string, string> {
  const namespace = pod.metadata.namespace ?? 'default';
  const links = pod.spec.enableServiceLinks !== false;
  const chosen = new Map<string, ServiceLike>();
  for (const service of client.list<ServiceLike>(servicesRef).items) {
    const name = service.metadata.name ?? '';
    if (existedBy !== undefined && !(Date.parse(service.metadata.creationTimestamp ?? '') <= existedBy)) continue;
    if (service.metadata.namespace === 'default' && name === 'kubernetes') {
      if (!chosen.has(name)) chosen.set(name, service);
    } else if (links && service.metadata.namespace === namespace) chosen.set(name, service);
  }
  const env: Record<string, string> = {};
  for (const service of chosen.values()) Object.assign(env, serviceLinkEnv(service));
  return env;
}

function decodeBase64(text: string): string {
  try {
    return atob(text);
  } catch {
    return text;
  }
}

export function resolveEnv(client: ApiClient, pod: Pod, c: Container, podIP: string, startedAt?: number): { env: Record<string, string> } | { error: string } {
  const namespace = pod.metadata.namespace ?? 'default';
  const cache = new Map<string, DataObject | undefined>();
  const fetch = (kind: 'configmap' | 'secret', name: string): DataObject | undefined => {
    const k = `${kind}/${name}`;
    if (!cache.has(k)) cache.set(k, readDataObject(client, kind, namespace, name));
    return cache.get(k);
  };
  const env: Record<string, string> = {};
  const services = serviceLinks(client, pod, startedAt);

  for (const from of c.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const kind = from.configMapRef ? 'configmap' : 'secret';
    const obj = fetch(kind, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      return { error: `${kind} "${ref.name}" not found` };
    }
    for (const [k, v] of Object.entries(obj.data ?? {})) env[`${from.prefix ?? ''}${k}`] = kind === 'secret' ? decodeBase64(v) : v;
  }

  for (const e of c.env ?? []) {
    if (e.value !== undefined || !e.valueFrom) {
      // $(VAR) refers to variables defined earlier in the list, or to a service link.
      env[e.name] = (e.value ?? '').replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, n: string) => env[n] ?? services[n] ?? m);
      continue;
    }
    const vf = e.valueFrom;
    const keyRef = vf.configMapKeyRef ?? vf.secretKeyRef;
    if (keyRef) {
      const kind = vf.configMapKeyRef ? 'configmap' : 'secret';
      const obj = fetch(kind, keyRef.name);
      if (!obj) {
        if (keyRef.optional) continue;
        return { error: `${kind} "${keyRef.name}" not found` };
      }
      const value = obj.data?.[keyRef.key];
      if (value === undefined) {
        if (keyRef.optional) continue;
        return { error: `couldn't find key ${keyRef.key} in ${kind === 'configmap' ? 'ConfigMap' : 'Secret'} ${namespace}/${keyRef.name}` };
      }
      env[e.name] = kind === 'secret' ? decodeBase64(value) : value;
      continue;
    }
    if (vf.fieldRef) {
      const path = vf.fieldRef.fieldPath;
      const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
      const fields: Record<string, string | undefined> = {
        'metadata.name': pod.metadata.name,
        'metadata.namespace': namespace,
        'metadata.uid': pod.metadata.uid,
        'spec.nodeName': pod.spec.nodeName,
        'spec.serviceAccountName': pod.spec.serviceAccountName as string | undefined,
        'status.podIP': podIP,
        'status.hostIP': pod.status?.hostIP,
      };
      env[e.name] = label ? ((label[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[label[2]!] ?? '') : (fields[path] ?? '');
      continue;
    }
    if (vf.resourceFieldRef) env[e.name] = '0';
  }
  // The container's own variables win over a service link of the same name.
  return { env: { ...services, ...env } };
}

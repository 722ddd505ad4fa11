// The environment a process started by `kubectl exec` sees: what the kubelet gave the container
// (env, envFrom, downward API — resolved at start), the image's PATH and HOSTNAME, and the
// service links (CATALOG_SERVICE_HOST, …) for Services that existed when the container started,
// unless the pod turned them off with enableServiceLinks: false.
import type { ApiClient, KubeObject } from '../../machinery/types.ts';

interface ServiceLike extends KubeObject {
  spec?: { clusterIP?: string; type?: string; ports?: Array<{ name?: string; port: number; protocol?: string }> };
}

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function envName(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

/** The docker-links style variables for one Service (upstream pkg/kubelet/envvars). */
export function serviceLinkEnv(service: ServiceLike): Record<string, string> {
  const ip = service.spec?.clusterIP;
  if (!ip || ip === 'None' || service.spec?.type === 'ExternalName') return {};
  const ports = service.spec?.ports ?? [];
  const first = ports[0];
  if (!first) return {};
  const name = envName(service.metadata.name ?? '');
  const env: Record<string, string> = { [`${name}_SERVICE_HOST`]: ip, [`${name}_SERVICE_PORT`]: String(first.port) };
  for (const p of ports) if (p.name) env[`${name}_SERVICE_PORT_${envName(p.name)}`] = String(p.port);
  const proto = (first.protocol ?? 'TCP').toLowerCase();
  env[`${name}_PORT`] = `${proto}://${ip}:${first.port}`;
  for (const p of ports) {
    const pr = (p.protocol ?? 'TCP');
    const prefix = `${name}_PORT_${p.port}_${pr.toUpperCase()}`;
    env[prefix] = `${pr.toLowerCase()}://${ip}:${p.port}`;
    env[`${prefix}_PROTO`] = pr.toLowerCase();
    env[`${prefix}_PORT`] = String(p.port);
    env[`${prefix}_ADDR`] = ip;
  }
  return env;
}

export function containerEnv(
  client: ApiClient,
  pod: KubeObject & { spec?: { enableServiceLinks?: boolean } },
  containerEnvFromKubelet: Record<string, string>,
  startedAt: number,
): Record<string, string> {
  const namespace = pod.metadata.namespace ?? 'default';
  const links: Record<string, string> = {};
  const existedAtStart = (s: KubeObject) => Date.parse(s.metadata.creationTimestamp ?? '') <= startedAt;
  // The `kubernetes` Service's variables are in every container; other links only for the pod's namespace.
  const services = client.list<ServiceLike>({ resource: 'services' }).items;
  if (pod.spec?.enableServiceLinks !== false) {
    for (const s of services) if (s.metadata.namespace === namespace && existedAtStart(s) && !(namespace === 'default' && s.metadata.name === 'kubernetes')) Object.assign(links, serviceLinkEnv(s));
  }
  const master = services.find((s) => s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes');
  if (master) Object.assign(links, serviceLinkEnv(master));
  return { PATH, HOSTNAME: pod.metadata.name ?? '', ...links, ...containerEnvFromKubelet, HOME: containerEnvFromKubelet.HOME ?? '/root' };
}

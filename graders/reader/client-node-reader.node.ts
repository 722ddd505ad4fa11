// ClusterReader over client-node, against any kube context: kind, a real cluster, or the
// simulator's API server. It only sends GET requests (get and list; watch for `grade --watch`).
import type { KubeConfig } from '@kubernetes/client-node';
import { eventNamespace, isEventAbout, type ClusterInfo, type ClusterReader, type KubeEvent, type KubeObject, type ListQuery } from './cluster-reader.ts';
import { apiPath, kindInfo } from './kinds.ts';
import { KubeHttp } from './kube-http.node.ts';
import { loadKubeConfig, type KubeTarget } from './kube-config.node.ts';

export interface ClientNodeReaderOptions extends KubeTarget {
  /** Use this KubeConfig instead of loading one. */
  kubeConfig?: KubeConfig;
  timeoutMs?: number;
}

export interface ClientNodeReader extends ClusterReader {
  readonly http: KubeHttp;
  readonly context: string;
}

function scope(namespace: string | undefined, namespaced: boolean): string {
  return namespaced && namespace ? ` in namespace ${namespace}` : '';
}

export function clientNodeReader(options: ClientNodeReaderOptions = {}): ClientNodeReader {
  const kc = options.kubeConfig ?? loadKubeConfig(options);
  const http = new KubeHttp(kc, { timeoutMs: options.timeoutMs });

  async function list(kind: string, query: ListQuery = {}): Promise<KubeObject[]> {
    const type = kindInfo(kind);
    const ns = type.namespaced ? query.namespace : undefined;
    const items: KubeObject[] = [];
    let next: string | undefined;
    // Pages of 500, as kubectl asks for them, so a big cluster answers in bounded pieces.
    do {
      const page = (await http.get({
        path: apiPath(type, ns),
        query: { labelSelector: query.labelSelector, limit: '500', continue: next },
        verb: 'list',
        what: `${type.plural}${scope(ns, type.namespaced)}`,
      })) as { items?: KubeObject[]; metadata?: { continue?: string } };
      // Lists leave out each item's kind and apiVersion; put them back so checks can name objects.
      for (const item of page.items ?? []) items.push({ ...item, kind: type.kind, apiVersion: type.group ? `${type.group}/${type.version}` : type.version });
      next = page.metadata?.continue || undefined;
    } while (next);
    return items;
  }

  return {
    http,
    context: kc.getCurrentContext(),
    async get(kind, name, namespace) {
      const type = kindInfo(kind);
      const ns = type.namespaced ? namespace : undefined;
      const object = await http.get({ path: apiPath(type, ns, name), name, what: `${type.singular} ${name}${scope(ns, type.namespaced)}` });
      return object as KubeObject | undefined;
    },
    list,
    async eventsFor(object) {
      const events = (await list('Event', { namespace: eventNamespace(object) })) as KubeEvent[];
      return events.filter((e) => isEventAbout(e, object));
    },
    async clusterInfo(): Promise<ClusterInfo> {
      const version = (await http.get({ path: '/version', what: 'the server version' })) as { gitVersion?: string };
      const context = kc.getCurrentContext();
      // The simulator's API server models kind's nodes (providerID kind://), so its context tells them apart.
      let distribution: ClusterInfo['distribution'] = context === 'wheelhouse-sim' ? 'simulator' : 'unknown';
      if (distribution === 'unknown') {
        try {
          const nodes = await list('Node');
          if (nodes.some((n) => String((n.spec as { providerID?: string } | undefined)?.providerID ?? '').startsWith('kind://'))) distribution = 'kind';
        } catch {
          // Nodes may be forbidden to a namespaced user; the distribution stays unknown.
        }
      }
      return { backend: 'kubernetes', distribution, version: version?.gitVersion ?? 'unknown', context };
    },
  };
}

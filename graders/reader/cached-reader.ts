// One grade run reads each kind once per namespace: every check asks this layer, which lists the
// whole collection the first time and answers gets, label queries and events from that list.
// A grade of five checks over pods then costs one pod list, not five requests.
import { parseLabelSelector } from '../../simulator/machinery/selectors.ts';
import { eventNamespace, isEventAbout, type ClusterReader, type KubeEvent, type KubeObject, type ListQuery } from './cluster-reader.ts';
import { kindInfo } from './kinds.ts';

export interface ReadStats {
  /** Requests made to the reader underneath, as `kind namespace` (namespace `*` = all). */
  lists: string[];
}

export interface CachedReader extends ClusterReader {
  stats(): ReadStats;
}

export function cachedReader(inner: ClusterReader): CachedReader {
  const lists = new Map<string, Promise<KubeObject[]>>();
  const made: string[] = [];

  function collection(kind: string, namespace: string | undefined): Promise<KubeObject[]> {
    const type = kindInfo(kind);
    const ns = type.namespaced ? namespace : undefined;
    const key = `${type.plural}.${type.group} ${ns ?? '*'}`;
    const cached = lists.get(key);
    if (cached) return cached;
    // Everything already listed across namespaces answers a one-namespace question too.
    const all = ns === undefined ? undefined : lists.get(`${type.plural}.${type.group} *`);
    const answer = all
      ? all.then((items) => items.filter((o) => o.metadata.namespace === ns))
      : (made.push(`${type.kind} ${ns ?? '*'}`), inner.list(kind, { namespace: ns }));
    lists.set(key, answer);
    return answer;
  }

  return {
    async get(kind, name, namespace) {
      const items = await collection(kind, namespace);
      return items.find((o) => o.metadata.name === name);
    },
    async list(kind, query: ListQuery = {}) {
      const items = await collection(kind, query.namespace);
      if (!query.labelSelector) return items;
      const selector = parseLabelSelector(query.labelSelector);
      return items.filter((o) => selector.matches(o.metadata.labels));
    },
    async eventsFor(object) {
      const events = (await collection('Event', eventNamespace(object))) as KubeEvent[];
      return events.filter((e) => isEventAbout(e, object));
    },
    clusterInfo: () => inner.clusterInfo(),
    stats: () => ({ lists: [...made] }),
  };
}

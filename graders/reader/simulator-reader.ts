// ClusterReader over the in-process simulator (the page's Web Worker, the tests). Pure TypeScript:
// it only calls the read half of the simulator's ApiClient.
import { isApiError } from '../../simulator/machinery/errors.ts';
import type { ApiClient, KubeObject } from '../../simulator/machinery/types.ts';
import { eventNamespace, isEventAbout, type ClusterInfo, type ClusterReader, type KubeEvent, type ListQuery } from './cluster-reader.ts';
import { kindInfo } from './kinds.ts';
import { ReadError, readErrors } from './read-errors.ts';

/** The simulator's reported server version (kubectl version against it says the same). */
export const simulatorVersion = 'v1.32.2';

type ReadClient = Pick<ApiClient, 'get' | 'list'>;

function translate(err: unknown, verb: string, what: string): never {
  if (isApiError(err)) {
    if (err.code === 403) throw readErrors.forbidden(verb, what, err.message);
    if (err.code === 404) throw readErrors.kindNotInstalled(what);
    throw new ReadError('server-error', `${verb} ${what} failed: ${err.message}`, { cause: err });
  }
  throw err;
}

export function simulatorReader(client: ReadClient): ClusterReader {
  return {
    async get(kind, name, namespace) {
      const type = kindInfo(kind);
      try {
        return client.get<KubeObject>({ group: type.group, resource: type.plural }, type.namespaced ? namespace : undefined, name);
      } catch (err) {
        // A missing object is an answer, not an error; a missing kind is.
        if (isApiError(err) && err.code === 404 && err.status.details?.name === name) return undefined;
        return translate(err, 'get', type.plural);
      }
    },
    async list(kind, query: ListQuery = {}) {
      const type = kindInfo(kind);
      try {
        const namespace = type.namespaced ? query.namespace : undefined;
        return client.list<KubeObject>({ group: type.group, resource: type.plural }, { namespace, labelSelector: query.labelSelector }).items;
      } catch (err) {
        return translate(err, 'list', type.plural);
      }
    },
    async eventsFor(object) {
      try {
        const events = client.list<KubeEvent>({ resource: 'events' }, { namespace: eventNamespace(object) }).items;
        return events.filter((e) => isEventAbout(e, object));
      } catch (err) {
        return translate(err, 'list', 'events');
      }
    },
    async clusterInfo(): Promise<ClusterInfo> {
      return { backend: 'simulator', distribution: 'simulator', version: simulatorVersion };
    },
  };
}

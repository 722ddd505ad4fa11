// ClusterWriter over client-node, for `wheelhouse lab start|reset` against a kube context. Setup's
// only writes: POST the lab's objects, DELETE the lab's namespace on reset.
import { resourceForObject } from '../simulator/machinery/resources.ts';
import type { KubeObject } from '../simulator/machinery/types.ts';
import type { ClusterWriter } from './lab-setup.ts';
import { apiPath } from './reader/kinds.ts';
import { httpError, type KubeHttp } from './reader/kube-http.node.ts';

export function clientNodeWriter(http: KubeHttp): ClusterWriter {
  return {
    async create(object: KubeObject, fieldManager: string) {
      const type = resourceForObject(object);
      if (!type) throw new Error(`unknown kind ${object.apiVersion} ${object.kind}`);
      const request = { method: 'POST' as const, path: apiPath(type, object.metadata.namespace), query: { fieldManager }, body: object, what: `${type.plural}` };
      const response = await http.send(request);
      if (response.status === 409) return 'exists';
      if (response.status >= 300) throw httpError(response, request, http.server, 'create');
      return 'created';
    },
    async namespaceExists(name) {
      const found = await http.get({ path: `/api/v1/namespaces/${encodeURIComponent(name)}`, name, what: `namespace ${name}` });
      return found !== undefined;
    },
    async deleteNamespace(name) {
      const request = { method: 'DELETE' as const, path: `/api/v1/namespaces/${encodeURIComponent(name)}`, what: `namespace ${name}` };
      const response = await http.send(request);
      if (response.status === 404 || (response.status >= 200 && response.status < 300)) return;
      throw httpError(response, request, http.server, 'delete');
    },
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

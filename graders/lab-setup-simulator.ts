// ClusterWriter over the in-process simulator, for the page's "Reset lab" and the tests.
import { hasReason } from '../simulator/machinery/errors.ts';
import { resourceForObject } from '../simulator/machinery/resources.ts';
import type { ApiClient, KubeObject } from '../simulator/machinery/types.ts';
import type { ClusterWriter } from './lab-setup.ts';

export interface SimulatorWriterOptions {
  /** Let `ms` of cluster time pass: `cluster.advance` in tests; a real timer where the clock ticks by itself. */
  wait: (ms: number) => Promise<void> | void;
}

export function simulatorWriter(client: ApiClient, options: SimulatorWriterOptions): ClusterWriter {
  return {
    async create(object: KubeObject, fieldManager: string) {
      const type = resourceForObject(object);
      if (!type) throw new Error(`the simulator serves no ${object.apiVersion} ${object.kind}`);
      try {
        client.create({ group: type.group, resource: type.plural }, object, { fieldManager });
        return 'created';
      } catch (err) {
        if (hasReason(err, 'AlreadyExists')) return 'exists';
        throw err;
      }
    },
    async namespaceExists(name) {
      try {
        client.get({ resource: 'namespaces' }, undefined, name);
        return true;
      } catch (err) {
        if (hasReason(err, 'NotFound')) return false;
        throw err;
      }
    },
    async deleteNamespace(name) {
      try {
        client.delete({ resource: 'namespaces' }, undefined, name);
      } catch (err) {
        if (!hasReason(err, 'NotFound')) throw err;
      }
    },
    async wait(ms) {
      await options.wait(ms);
    },
  };
}

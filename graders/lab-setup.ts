// Lab setup and reset: the only writes Wheelhouse makes to a cluster, and all of them inside the
// lab's namespace. Setup creates the namespace and applies setup/*.yaml; a lab without setup files
// (tour: creating the namespace is the learner's job) creates nothing. Reset deletes the namespace,
// waits until it is gone, and sets up again. Writers exist for the simulator and for client-node.
import type { KubeObject } from '../simulator/machinery/types.ts';
import type { Lab } from './lab.ts';
import { withLastApplied, type Manifest } from './manifests.ts';

export const setupFieldManager = 'kubectl-client-side-apply';

export interface ClusterWriter {
  /** Create one object; 'exists' when one of that name is already there (it is left alone). */
  create(object: KubeObject, fieldManager: string): Promise<'created' | 'exists'>;
  namespaceExists(name: string): Promise<boolean>;
  /** Start deleting a namespace (no-op when absent). */
  deleteNamespace(name: string): Promise<void>;
  /** Let time pass (the simulator's clock in tests, real time on a cluster). */
  wait(ms: number): Promise<void>;
}

export interface SetupReport {
  created: string[];
  existing: string[];
}

function describe(object: KubeObject): string {
  return `${object.kind.toLowerCase()}/${object.metadata.name}`;
}

/** The objects setup will create, in order: the lab's Namespace first, then its namespaced objects.
 * Refuses anything outside the lab's namespace, so setup can never touch the rest of a cluster. */
export function planSetup(lab: Lab, manifests: Manifest[]): KubeObject[] {
  if (manifests.length === 0) return [];
  const objects: KubeObject[] = [];
  let namespace: KubeObject | undefined;
  for (const { file, object } of manifests) {
    if (object.kind === 'Namespace') {
      if (object.metadata.name !== lab.namespace) throw new Error(`${lab.id}/setup/${file}: creates namespace ${object.metadata.name}; a lab may only create its own (${lab.namespace})`);
      namespace = object;
      continue;
    }
    const ns = object.metadata.namespace ?? lab.namespace;
    if (ns !== lab.namespace) throw new Error(`${lab.id}/setup/${file}: ${describe(object)} is in namespace ${ns}; setup writes only inside ${lab.namespace}`);
    objects.push({ ...object, metadata: { ...object.metadata, namespace: ns } });
  }
  namespace ??= { apiVersion: 'v1', kind: 'Namespace', metadata: { name: lab.namespace } };
  return [namespace, ...objects].map(withLastApplied);
}

export async function setUpLab(lab: Lab, manifests: Manifest[], writer: ClusterWriter): Promise<SetupReport> {
  const report: SetupReport = { created: [], existing: [] };
  for (const object of planSetup(lab, manifests)) {
    const result = await writer.create(object, setupFieldManager);
    (result === 'created' ? report.created : report.existing).push(describe(object));
  }
  return report;
}

export interface ResetOptions {
  /** How long to wait for the old namespace to go (its pods shut down first). Default 180 s. */
  timeoutMs?: number;
  pollMs?: number;
}

export async function resetLab(lab: Lab, manifests: Manifest[], writer: ClusterWriter, options: ResetOptions = {}): Promise<SetupReport> {
  const timeout = options.timeoutMs ?? 180_000;
  const poll = options.pollMs ?? 1_000;
  if (await writer.namespaceExists(lab.namespace)) {
    await writer.deleteNamespace(lab.namespace);
    let waited = 0;
    while (await writer.namespaceExists(lab.namespace)) {
      if (waited >= timeout) throw new Error(`namespace ${lab.namespace} is still terminating after ${Math.round(timeout / 1000)} s; try the reset again in a moment`);
      await writer.wait(poll);
      waited += poll;
    }
  }
  return setUpLab(lab, manifests, writer);
}

// Every lab, as a static import list: the page bundles it, the CLI and the tests read it.
import type { Lab } from '../graders/lab.ts';
import firstPod from './first-pod/lab.ts';
import replicas from './replicas/lab.ts';
import rollout from './rollout/lab.ts';
import selfHealing from './self-healing/lab.ts';
import tour from './tour/lab.ts';

/** In course order. */
export const labs: readonly Lab[] = [tour, selfHealing, firstPod, replicas, rollout];

export function findLab(id: string): Lab | undefined {
  return labs.find((lab) => lab.id === id);
}

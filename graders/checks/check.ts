// A check: a named judgement over cluster state, read through a ClusterReader. Checks judge the end
// state (what exists now, and the records the cluster keeps: events, annotations, managedFields),
// never how a learner typed it.
import type { ClusterReader } from '../reader/cluster-reader.ts';
import type { CheckOutcome } from './result.ts';

export interface CheckContext {
  reader: ClusterReader;
  /** The lab's namespace. */
  namespace: string;
  /** The cluster's "now" in epoch ms (the virtual clock in the simulator). */
  now: number;
}

export interface KindRead {
  kind: string;
  /** 'lab' (the lab's namespace, the default), 'all', or a namespace name. Ignored for cluster-scoped kinds. */
  namespace?: string;
}

export interface Check {
  id: string;
  title: string;
  /** What the check lists, so a grade can fetch every collection once, in parallel, up front. */
  reads: KindRead[];
  run(ctx: CheckContext): Promise<CheckOutcome>;
}

export function defineCheck(check: Check): Check {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(check.id)) throw new Error(`check id "${check.id}" must be lower-case words joined by dashes`);
  return Object.freeze({ ...check, reads: Object.freeze([...check.reads]) as KindRead[] });
}

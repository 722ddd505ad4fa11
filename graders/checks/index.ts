// The check library: what a lab.ts imports to write its checks.
export { defineCheck, type Check, type CheckContext, type KindRead } from './check.ts';
export { pass, fail, cannotEvaluate, type CheckOutcome, type CheckStatus } from './result.ts';
export * from './objects.ts';
export * from './containers.ts';
export * from './owners.ts';
export * from './events.ts';
export * from './numbers.ts';
export * from './managed-fields.ts';
export * from './rollout-history.ts';
export type { ClusterReader, KubeObject, KubeEvent } from '../reader/cluster-reader.ts';

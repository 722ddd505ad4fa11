// `kubectl describe` for the simulator: pick the describer for the object's kind, read what it
// needs through a DescribeReader, and return the text kubectl would print. Time is passed in.
import type { KubeObject } from '../machinery/types.ts';
import { describeConfigMap, describeNamespace, describeSecret, describeServiceAccount } from './config.ts';
import { describeGeneric } from './generic.ts';
import { describeEndpoints, describeService } from './networking.ts';
import { describeNode } from './node.ts';
import { describePod } from './pod.ts';
import type { DescribeContext, DescribeReader } from './reader.ts';
import { describeDeployment, describeReplicaSet } from './workloads.ts';

type Describer = (obj: KubeObject, ctx: DescribeContext) => string;

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePod,
  '/Node': describeNode,
  '/Service': describeService,
  '/Endpoints': describeEndpoints,
  '/Namespace': describeNamespace,
  '/ConfigMap': describeConfigMap,
  '/Secret': describeSecret,
  '/ServiceAccount': describeServiceAccount,
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
};

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash >= 0 ? apiVersion.slice(0, slash) : '';
}

/** The output of `kubectl describe <kind> <name>` for one object. */
export function describe(obj: KubeObject, reader: DescribeReader, now: number): string {
  const describer = DESCRIBERS[`${groupOf(obj.apiVersion)}/${obj.kind}`] ?? describeGeneric;
  return describer(obj, { reader, now });
}

/** kubectl separates the descriptions of several objects with a blank line. */
export function describeAll(objects: KubeObject[], reader: DescribeReader, now: number): string {
  return objects.map((o) => describe(o, reader, now)).join('\n\n');
}

export type { DescribeReader, DescribeContext } from './reader.ts';
export { podQOSClass } from './pod.ts';
export { parseQuantity, formatQuantity, canonicalQuantity } from './quantity.ts';

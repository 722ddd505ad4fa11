// The part of kubectl's resource builder the workload commands use: `deployment/web`,
// `deployment web`, `deploy web api`, `deployments.apps/web`, with upstream's errors for
// an unknown type or a malformed argument.
import { findResource, refFor } from '../machinery/resources.ts';
import type { KubeObject, ResourceRef, ResourceType } from '../machinery/types.ts';
import type { Invocation } from './command.ts';
import { KubectlError } from './errors.ts';

export interface ObjectArg {
  rt: ResourceType;
  name: string;
}

export const noResourcesMessage =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

export function resourceType(typed: string): ResourceType {
  const rt = findResource(typed);
  if (!rt) throw new KubectlError(`the server doesn't have a resource type "${typed}"`);
  return rt;
}

/** Objects named on the command line; `[]` when none. A type without names is an error here. */
export function parseObjectArgs(args: readonly string[]): ObjectArg[] {
  if (args.length === 0) return [];
  if (args.every((a) => a.includes('/'))) {
    return args.map((arg) => {
      const slash = arg.indexOf('/');
      const type = arg.slice(0, slash);
      const name = arg.slice(slash + 1);
      if (!type || !name || name.includes('/')) throw new KubectlError('arguments in resource/name form must have a single resource and name');
      return { rt: resourceType(type), name };
    });
  }
  if (args.some((a) => a.includes('/'))) throw new KubectlError('there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. \'kubectl get resource/<resource_name>\' instead of \'kubectl get resource resource/<resource_name>\')');
  const [type, ...names] = args as [string, ...string[]];
  const rt = resourceType(type);
  if (names.length === 0) throw new KubectlError(`resource(s) were provided, but no name was specified`);
  return names.map((name) => ({ rt, name }));
}

export function refOf(arg: ObjectArg): ResourceRef {
  return refFor(arg.rt);
}

/** "deployment.apps/web": how kubectl names an object in its one-line results. */
export function qualifiedName(rt: ResourceType, name: string): string {
  return `${rt.group ? `${rt.singular}.${rt.group}` : rt.singular}/${name}`;
}

export function getObject<T extends KubeObject>(inv: Invocation, arg: ObjectArg): T {
  return inv.host.client.get<T>(refOf(arg), arg.rt.namespaced ? inv.namespace : undefined, arg.name);
}

/** Go's schema.GroupKind.String(): "Deployment.apps", "Pod". */
export function groupKind(rt: ResourceType): string {
  return rt.group ? `${rt.kind}.${rt.group}` : rt.kind;
}

/** The objects a rollout-style command acts on, refusing kinds it has no helper for
 * (upstream: "no rollbacker has been implemented for …"). */
export function workloadObjects(inv: Invocation, allowed: string[], helper: string): ObjectArg[] {
  const args = parseObjectArgs(inv.args);
  if (args.length === 0) throw new KubectlError(noResourcesMessage);
  for (const arg of args) {
    if (!allowed.includes(arg.rt.kind)) throw new KubectlError(`no ${helper} has been implemented for ${JSON.stringify(groupKind(arg.rt))}`);
  }
  return args;
}

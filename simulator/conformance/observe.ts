// What the conformance test reads back from a cluster after it has reconciled: each Pod's state in
// the words `kubectl get pods` uses (Running/Ready, Pending/Unschedulable, ImagePullBackOff, …) and
// the invariants real controllers keep — a Deployment or ReplicaSet at its replicas with that many
// available, every selecting Service with a ClusterIP and endpoints for exactly its ready pods.
import { isApiError } from '../machinery/errors.ts';
import { selectorFromSet } from '../machinery/selectors.ts';
import type { ApiClient, KubeObject } from '../machinery/types.ts';
import type { Cluster } from '../cluster.ts';
import { refFor, resourceForObject } from '../machinery/resources.ts';
import type { Pod } from '../controllers/pod-types.ts';
import type { Endpoints, Service } from '../controllers/workload-types.ts';

/** One document of a file, as the API server took it. */
export interface CreateResult {
  kind: string;
  name: string;
  namespace?: string;
  /** 'Created', or the Status reason of the refusal (Invalid, Forbidden, BadRequest, NotFound, …). */
  result: string;
  message?: string;
}

/** Apply one object the way `kubectl apply --server-side` does: create it in its namespace (else
 * `default`), or, when it exists already (a tutorial's next step), apply it over the old one. */
export function createObject(cluster: Cluster, obj: KubeObject): CreateResult {
  const rt = resourceForObject(obj);
  const name = obj.metadata?.name ?? obj.metadata?.generateName ?? '';
  if (!rt) return { kind: obj.kind, name, result: 'NotServed' };
  const namespace = rt.namespaced ? (obj.metadata?.namespace ?? 'default') : undefined;
  const body = rt.namespaced ? { ...obj, metadata: { ...obj.metadata, namespace } } : obj;
  try {
    try {
      cluster.client.create(refFor(rt), body);
      return { kind: obj.kind, name, namespace, result: 'Created' };
    } catch (err) {
      if (!isApiError(err) || err.status.reason !== 'AlreadyExists') throw err;
      cluster.client.patch(refFor(rt), namespace, name, 'apply', body, { fieldManager: 'kubectl', force: true });
      return { kind: obj.kind, name, namespace, result: 'Created' };
    }
  } catch (err) {
    if (!isApiError(err)) throw err; // a crash is never an acceptable answer to a manifest
    return { kind: obj.kind, name, namespace, result: err.status.reason, message: err.status.message };
  }
}

/**
 * A Pod's state in one word, the way a learner reads `kubectl get pods`: `Ready` (Running, all
 * containers ready), `NotReady` (Running, some not ready), `Succeeded`, `Failed`, `Unschedulable`,
 * `SchedulingGated`, or the waiting reason of the first container that waits (ImagePullBackOff,
 * CreateContainerConfigError, CrashLoopBackOff, ContainerCreating, PodInitializing…).
 */
export function podState(pod: Pod): string {
  const status = pod.status ?? {};
  if (status.phase === 'Succeeded' || status.phase === 'Failed') return status.phase;
  const scheduled = status.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False') return scheduled.reason ?? 'Unschedulable';
  for (const c of [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]) {
    const waiting = (c.state as { waiting?: { reason?: string } } | undefined)?.waiting;
    if (waiting?.reason && waiting.reason !== 'PodInitializing') return waiting.reason;
  }
  if (status.phase === 'Running') {
    const ready = status.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
    return ready ? 'Ready' : 'NotReady';
  }
  return status.phase ?? 'Unknown';
}

/** Pod states in a namespace, as a sorted, de-duplicated list ("Ready", "ImagePullBackOff"). */
export function podStates(client: ApiClient, namespaces: string[]): string[] {
  const states = new Set<string>();
  for (const ns of namespaces) {
    for (const pod of client.list<Pod>({ resource: 'pods' }, { namespace: ns }).items) states.add(podState(pod));
  }
  return [...states].sort();
}

/** Where a controller's promise is broken: each entry names the object and what is wrong. */
export function invariantProblems(client: ApiClient, namespaces: string[]): string[] {
  const problems: string[] = [];
  for (const ns of namespaces) {
    const pods = client.list<Pod>({ resource: 'pods' }, { namespace: ns }).items;
    for (const resource of ['deployments', 'replicasets']) {
      for (const w of client.list<KubeObject & { spec: { replicas?: number }; status?: Record<string, number> }>({ group: 'apps', resource }, { namespace: ns }).items) {
        const want = w.spec.replicas ?? 1;
        const status = w.status ?? {};
        if ((status.replicas ?? 0) !== want) problems.push(`${w.kind} ${w.metadata.name}: status.replicas ${status.replicas ?? 0}, spec.replicas ${want}`);
        if (w.kind === 'ReplicaSet' && w.metadata.ownerReferences?.length) continue; // the Deployment's check covers it
        const owned = pods.filter((p) => !p.metadata.deletionTimestamp && p.metadata.ownerReferences?.some((o) => o.controller && (o.uid === w.metadata.uid || ownedVia(client, ns, o.uid, w.metadata.uid))));
        if (owned.length !== want) problems.push(`${w.kind} ${w.metadata.name}: ${owned.length} pods, spec.replicas ${want}`);
        const readyPods = owned.filter((p) => podState(p) === 'Ready').length;
        if ((status.readyReplicas ?? 0) !== readyPods) problems.push(`${w.kind} ${w.metadata.name}: status.readyReplicas ${status.readyReplicas ?? 0}, ${readyPods} pods Ready`);
      }
    }
    for (const svc of client.list<Service>({ resource: 'services' }, { namespace: ns }).items) {
      const name = svc.metadata.name ?? '';
      if (!svc.spec.clusterIP) problems.push(`Service ${name}: no clusterIP`);
      if (!svc.spec.selector) continue;
      const selector = selectorFromSet(svc.spec.selector);
      const want = pods
        .filter((p) => selector.matches(p.metadata.labels) && !p.metadata.deletionTimestamp && podState(p) === 'Ready')
        .map((p) => p.metadata.name)
        .sort();
      let ep: Endpoints | undefined;
      try {
        ep = client.get<Endpoints>({ resource: 'endpoints' }, ns, name);
      } catch {
        problems.push(`Service ${name}: no Endpoints`);
        continue;
      }
      const got = (ep.subsets ?? []).flatMap((s) => s.addresses ?? []).map((a) => a.targetRef?.name).sort();
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`Service ${name}: endpoints ${JSON.stringify(got)}, ready pods ${JSON.stringify(want)}`);
      const sliceReady = client
        .list<KubeObject & { endpoints?: Array<{ conditions?: { ready?: boolean }; targetRef?: { name?: string } }> }>(
          { group: 'discovery.k8s.io', resource: 'endpointslices' },
          { namespace: ns, labelSelector: `kubernetes.io/service-name=${name}` },
        )
        .items.flatMap((s) => s.endpoints ?? [])
        .filter((e) => e.conditions?.ready)
        .map((e) => e.targetRef?.name)
        .sort();
      if (JSON.stringify(sliceReady) !== JSON.stringify(want)) problems.push(`Service ${name}: EndpointSlices list ${JSON.stringify(sliceReady)} ready, ready pods ${JSON.stringify(want)}`);
    }
  }
  return problems;
}

/** True when the ReplicaSet with this uid is controlled by the object with uid `top`. */
function ownedVia(client: ApiClient, ns: string, uid: string, top: string | undefined): boolean {
  if (!top) return false;
  return client.list<KubeObject>({ group: 'apps', resource: 'replicasets' }, { namespace: ns }).items.some((rs) => rs.metadata.uid === uid && rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === top));
}

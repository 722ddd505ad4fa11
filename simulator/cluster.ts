// The simulated cluster, as the page, the tests and the HTTP server use it:
//   const cluster = createCluster({ seed: 1 });
//   cluster.client.create(…);  cluster.advance(5_000);  cluster.snapshot();
// It wires the API server (machinery/), the per-kind strategies (kinds/), the controllers and
// their runtime (controllers/) and the fault switches (cluster-faults.ts) together, and seeds what
// a fresh kind cluster holds (cluster-seed.ts).
import type { Controller } from './controllers/controller.ts';
import { createGarbageCollector } from './controllers/garbage-collector.ts';
import { createPodLifecycle, type PodLifecycle } from './controllers/index.ts';
import { workloadControllerFactories } from './controllers/workload-index.ts';
import { ControllerRuntime, type RunReport, type RuntimeState } from './controllers/runtime.ts';
import { FaultSwitches } from './cluster-faults.ts';
import { seedKindCluster } from './cluster-seed.ts';
import { strategyFor } from './kinds/index.ts';
import { ApiServer } from './machinery/api-server.ts';
import { sharedResultsClient } from './machinery/shared-results-client.ts';
import { VirtualClock, toEpochMs } from './machinery/clock.ts';
import { badRequest } from './machinery/errors.ts';
import { cloneJson } from './machinery/json.ts';
import type { Change } from './machinery/object-store.ts';
import { SeededRandom } from './machinery/random.ts';
import { resourceForObject } from './machinery/resources.ts';
import type { ApiClient, KubeObject, ResourceType } from './machinery/types.ts';
import type { RuntimeSnapshot } from './workloads/container-runtime.ts';

/** Everything a controller factory may need to build its controller. */
export interface ControllerDeps {
  api: ApiServer;
  faults: FaultSwitches;
  /** The container runtime, image registry and logs the kubelet works with. */
  podLifecycle: PodLifecycle;
}

export type ControllerFactory = (deps: ControllerDeps) => Controller;

export interface ClusterOptions {
  seed?: number;
  /** Virtual start time (epoch ms or ISO string). Default 2025-01-01T00:00:00Z. */
  startTime?: string | number;
  /** Worker nodes besides the control plane (kind's default config here has two). */
  workers?: number;
  /** The controllers to run. Default: `defaultControllers` (all of them). */
  controllers?: ControllerFactory[];
  /** Skip the kind-like objects: an empty API server (namespaces only). */
  empty?: boolean;
  /** Watch history length before 410 Expired. */
  historySize?: number;
}

export interface ClusterChange {
  type: Change['type'];
  resource: ResourceType;
  object: KubeObject;
}

export interface ClusterSnapshot {
  format: 'wheelhouse-cluster/v1';
  time: number;
  random: number;
  resourceVersion: number;
  objects: KubeObject[];
  faults: ReturnType<FaultSwitches['toJSON']>;
  /** The nodes' containers and sandboxes. Older snapshots lack it: pods are then adopted from their status. */
  containers?: RuntimeSnapshot;
  /** What controllers keep in memory (kubelet back-offs and probe counts, event aggregation). */
  controllers?: RuntimeState;
}

export interface Cluster {
  readonly client: ApiClient;
  /** The concrete API server (finalizeNamespace, onChange, store access for the HTTP façade). */
  readonly api: ApiServer;
  readonly clock: VirtualClock;
  readonly random: SeededRandom;
  readonly runtime: ControllerRuntime;
  readonly faults: FaultSwitches;
  /** Images, containers and their logs (`kubectl logs` reads podLifecycle.logs). */
  readonly podLifecycle: PodLifecycle;
  /** Move virtual time forward, running controllers and timers in order. */
  advance(ms: number): RunReport;
  /** Run controllers until nothing is queued (time does not move). */
  runUntilIdle(): RunReport;
  /** Real-time driving: call from setInterval with the wall-clock time. */
  tick(nowMs: number): RunReport;
  /** Every committed change to any object. Returns an unsubscribe function. */
  subscribe(listener: (change: ClusterChange) => void): () => void;
  snapshot(): ClusterSnapshot;
  restore(snapshot: ClusterSnapshot): void;
  stopNode(name: string): void;
  startNode(name: string): void;
  killContainer(namespace: string, pod: string, container: string): void;
  makeImageUnpullable(image: string): void;
  makeImagePullable(image: string): void;
}

export const defaultStartTime = '2025-01-01T00:00:00Z';

/** The scheduler, the kubelets, node lifecycle and taint eviction: they share one container
 * runtime per cluster (ControllerDeps.podLifecycle, made in createCluster). */
export function podLifecycleFactories(): ControllerFactory[] {
  return [0, 1, 2, 3].map((i): ControllerFactory => ({ podLifecycle }) => podLifecycle.controllers[i]!);
}

/** Everything kube-controller-manager, the scheduler and the kubelets would run. */
export function defaultControllers(): ControllerFactory[] {
  return [({ api }) => createGarbageCollector(api.store), ...workloadControllerFactories(), ...podLifecycleFactories()];
}

export function createCluster(options: ClusterOptions = {}): Cluster {
  const clock = new VirtualClock(toEpochMs(options.startTime ?? defaultStartTime));
  const random = new SeededRandom(options.seed ?? 1);
  const api = new ApiServer({ clock, random, strategyFor, historySize: options.historySize });
  const faults = new FaultSwitches();
  const factories = options.controllers ?? defaultControllers();
  // Controllers keep caches fed by their watches, so a restore builds them afresh.
  const build = () => {
    const runtime = new ControllerRuntime({ client: sharedResultsClient(api), clock, random, contextExtras: { faults } });
    const podLifecycle = createPodLifecycle(api);
    for (const make of factories) runtime.add(make({ api, faults, podLifecycle }));
    return { runtime, podLifecycle };
  };
  let { runtime, podLifecycle } = build();

  if (options.empty) {
    for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
      api.create({ resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
  } else {
    seedKindCluster(api, { workers: options.workers ?? 2 });
  }
  runtime.start();
  runtime.runUntilIdle();

  return {
    client: api,
    api,
    clock,
    random,
    get runtime() {
      return runtime;
    },
    faults,
    get podLifecycle() {
      return podLifecycle;
    },
    advance: (ms) => runtime.advance(ms),
    runUntilIdle: () => runtime.runUntilIdle(),
    tick: (nowMs) => runtime.tick(nowMs),
    subscribe(listener) {
      return api.onChange((c) => listener({ type: c.type, resource: c.resource, object: c.object }));
    },
    snapshot() {
      return {
        format: 'wheelhouse-cluster/v1',
        time: clock.now(),
        random: random.state,
        resourceVersion: api.store.revision,
        objects: [...api.store.all()].map(({ object }) => cloneJson(object)),
        faults: faults.toJSON(),
        containers: podLifecycle.runtime.snapshot(),
        controllers: runtime.saveState(),
      };
    },
    restore(snapshot) {
      if (!snapshot || snapshot.format !== 'wheelhouse-cluster/v1' || !Array.isArray(snapshot.objects)) {
        throw badRequest('not a wheelhouse cluster snapshot');
      }
      const objects = snapshot.objects.map((object) => {
        const resource = resourceForObject(object);
        if (!resource) throw badRequest(`snapshot holds an object of an unknown kind: ${object.apiVersion}/${object.kind}`);
        return { resource, object: cloneJson(object) };
      });
      runtime.stop();
      ({ runtime, podLifecycle } = build());
      clock.clearTimers();
      api.store.reset(objects, snapshot.resourceVersion);
      api.watches.expireAll();
      clock.setTime(snapshot.time);
      random.state = snapshot.random;
      faults.restore(snapshot.faults);
      if (snapshot.containers) podLifecycle.runtime.restore(snapshot.containers);
      if (snapshot.controllers) runtime.restoreState(snapshot.controllers);
      // Controllers list everything again and re-derive their timers by reconciling.
      runtime.start();
      runtime.runUntilIdle();
    },
    stopNode: (name) => faults.stopNode(name),
    startNode: (name) => faults.startNode(name),
    killContainer: (ns, pod, container) => faults.killContainer(ns, pod, container),
    makeImageUnpullable: (image) => faults.makeImageUnpullable(image),
    makeImagePullable: (image) => faults.makeImagePullable(image),
  };
}

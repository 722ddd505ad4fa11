// Test support for the workload controllers (not used by the simulator itself): a real ApiServer
// on a virtual clock driven by the real ControllerRuntime and event recorder, and a stand-in kubelet that binds pods to
// a node, gives them an IP and makes them Ready after a delay — or never, for images listed as broken.
import { ApiServer, type StrategyLookup } from '../machinery/api-server.ts';
import { VirtualClock } from '../machinery/clock.ts';
import { hasReason } from '../machinery/errors.ts';
import { SeededRandom } from '../machinery/random.ts';
import { sharedResultsClient } from '../machinery/shared-results-client.ts';
import type { KubeObject } from '../machinery/types.ts';
import type { Controller, ControllerContext, EventType } from './controller.ts';
import { ControllerRuntime } from './runtime.ts';
import type { Pod } from './workload-types.ts';
import { NAMESPACES, NODES, PODS, keyOf, splitKey, timestamp } from './workload-types.ts';

export interface RecordedEvent {
  component: string;
  kind: string;
  name: string;
  type: EventType;
  reason: string;
  message: string;
  count: number;
}

export const startTime = Date.parse('2025-01-01T00:00:00Z');

export class TestCluster {
  readonly clock = new VirtualClock(startTime);
  readonly random = new SeededRandom(7);
  readonly api: ApiServer;
  readonly runtime: ControllerRuntime;

  constructor(controllers: Controller[], options: { namespaces?: string[]; strategyFor?: StrategyLookup } = {}) {
    this.api = new ApiServer({ clock: this.clock, random: this.random, strategyFor: options.strategyFor });
    for (const ns of options.namespaces ?? ['default']) {
      this.api.create(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    }
    this.runtime = new ControllerRuntime({ client: sharedResultsClient(this.api), clock: this.clock, random: this.random, maxReconcilesPerRun: 5_000_000 });
    this.runtime.onBug = (controller, key, error) => {
      throw new Error(`${controller} failed on ${key}: ${String(error)}`, { cause: error });
    };
    for (const c of controllers) this.runtime.add(c);
    this.runtime.start();
  }

  /** Reconcile until every queue is empty (timers due now included). */
  runUntilIdle(): void {
    this.clock.fireDue();
    const report = this.runtime.runUntilIdle();
    if (!report.idle) throw new Error(`controllers did not settle: ${JSON.stringify(report.busy)}`);
  }

  /** Move the clock forward, reconciling at each timer along the way. */
  advance(ms: number): void {
    const report = this.runtime.advance(ms);
    if (!report.idle) throw new Error(`controllers did not settle: ${JSON.stringify(report.busy)}`);
  }

  pods(namespace = 'default'): Pod[] {
    return this.api.list<Pod>(PODS, { namespace }).items;
  }

  /** Events written so far (all namespaces), oldest first. */
  get events(): RecordedEvent[] {
    const items = this.api.list<KubeObject>({ resource: 'events' }).items;
    items.sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
    return items.map((e) => {
      const ev = e as KubeObject & { involvedObject: { kind: string; name: string }; source: { component: string }; type: EventType; reason: string; message: string; count?: number };
      return { component: ev.source.component, kind: ev.involvedObject.kind, name: ev.involvedObject.name, type: ev.type, reason: ev.reason, message: ev.message, count: ev.count ?? 1 };
    });
  }

  eventMessages(reason?: string): string[] {
    return this.events.filter((e) => !reason || e.reason === reason).map((e) => e.message);
  }
}

export interface FakeKubeletOptions {
  /** How long a bound pod takes to become Ready. */
  readyAfterMs?: number;
  /** How long a terminating pod takes to go away. */
  terminateAfterMs?: number;
  /** Pods running these images start but never become Ready. */
  brokenImages?: string[];
  nodes?: string[];
  /** Bind unscheduled pods itself (off when a real scheduler runs). */
  bind?: boolean;
}

/** A stand-in for scheduler + kubelet: enough for pods to run, get an IP and become Ready. */
export class FakeKubelet implements Controller {
  readonly name = 'test-kubelet';
  readonly watches;
  private readonly options: Required<FakeKubeletOptions>;
  private nextIP = 2;
  private nextNode = 0;

  constructor(options: FakeKubeletOptions = {}) {
    this.options = { readyAfterMs: 0, terminateAfterMs: 0, brokenImages: [], nodes: ['node-1', 'node-2', 'node-3'], bind: true, ...options };
    this.watches = [{ resource: PODS, keysFor: (e: { type: string; object: KubeObject }) => (e.type === 'DELETED' ? [] : [keyOf(e.object)]) }];
  }

  reconcile(key: string, ctx: ControllerContext): void {
    const { namespace, name } = splitKey(key);
    let pod: Pod;
    try {
      pod = ctx.client.get<Pod>(PODS, namespace, name);
    } catch (err) {
      if (hasReason(err, 'NotFound')) return;
      throw err;
    }
    const now = ctx.clock.now();
    if (pod.metadata.deletionTimestamp) {
      const since = Date.parse(pod.metadata.deletionTimestamp) - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
      const wait = since + this.options.terminateAfterMs - now;
      if (wait > 0) return ctx.requeueAfter(key, wait);
      ctx.client.delete(PODS, namespace, name, { gracePeriodSeconds: 0 });
      return;
    }
    if (!pod.spec.nodeName) {
      if (!this.options.bind) return; // the scheduler's binding arrives as another event
      const nodes = this.options.nodes;
      pod = ctx.client.update<Pod>(PODS, { ...pod, spec: { ...pod.spec, nodeName: nodes[this.nextNode++ % nodes.length] } });
    }
    if (!pod.status?.podIP) {
      const ip = `10.244.${Math.floor(this.nextIP / 250)}.${(this.nextIP % 250) + 2}`;
      this.nextIP++;
      pod = ctx.client.updateStatus<Pod>(PODS, {
        ...pod,
        status: {
          ...(pod.status ?? {}),
          phase: 'Running',
          podIP: ip,
          podIPs: [{ ip }],
          startTime: timestamp(now),
          conditions: [...otherConditions(pod), { type: 'Ready', status: 'False', lastTransitionTime: timestamp(now) }],
          containerStatuses: (pod.spec.containers ?? []).map((c) => ({ name: c.name, restartCount: 0, ready: false })),
        },
      });
    }
    const broken = (pod.spec.containers ?? []).some((c) => this.options.brokenImages.includes(c.image ?? ''));
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
    if (broken || ready?.status === 'True') return;
    const started = Date.parse(pod.status?.startTime ?? timestamp(now));
    const wait = started + this.options.readyAfterMs - now;
    if (wait > 0) return ctx.requeueAfter(key, wait);
    ctx.client.updateStatus<Pod>(PODS, {
      ...pod,
      status: {
        ...pod.status,
        conditions: [...otherConditions(pod), { type: 'Ready', status: 'True', lastTransitionTime: timestamp(now) }],
        containerStatuses: (pod.spec.containers ?? []).map((c) => ({ name: c.name, restartCount: 0, ready: true })),
      },
    });
  }
}

/** The pod's conditions other than Ready (PodScheduled, …), kept as the scheduler wrote them. */
function otherConditions(pod: Pod) {
  return (pod.status?.conditions ?? []).filter((c) => c.type !== 'Ready');
}

/** A control-plane node with an InternalIP, for the `kubernetes` Service's endpoints. */
export function addControlPlaneNode(api: ApiServer, ip = '172.18.0.2'): void {
  const node = api.create(NODES, {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'control-plane', labels: { 'node-role.kubernetes.io/control-plane': '' } },
  });
  api.updateStatus(NODES, { ...node, status: { addresses: [{ type: 'InternalIP', address: ip }] } });
}

export function deploymentManifest(name: string, replicas: number, image: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image }] } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      ...extra,
    },
  };
}

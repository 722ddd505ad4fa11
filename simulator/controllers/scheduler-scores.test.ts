import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster.ts';
import type { KubeObject } from '../machinery/types.ts';
import type { Node, Pod, PodSpec } from './pod-types.ts';
import { nodeInfo } from './scheduler-node-info.ts';
import { deploymentManifest } from './workload-test-kit.ts';
import type { ClusterView } from './scheduler-pod-topology.ts';
import {
  defaultNormalizeScore,
  interPodAffinityPreScore,
  interPodAffinityRawScore,
  interPodAffinityScores,
  minMaxNormalizeScore,
  nodeAffinityScores,
  pluginScores,
  podTopologySpreadScores,
  taintTolerationScores,
} from './scheduler-scores.ts';

const zone = 'topology.kubernetes.io/zone';
const host = 'kubernetes.io/hostname';

function node(name: string, labels: Record<string, string> = {}, spec: Node['spec'] = {}): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { [host]: name, ...labels } }, spec };
}

let uid = 0;
function pod(labels: Record<string, string> = {}, spec: Partial<PodSpec> = {}, namespace = 'default'): Pod {
  uid++;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p${uid}`, namespace, uid: `u${uid}`, labels },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
  };
}

function view(layout: Array<[Node, Pod[]]>, namespaces: Record<string, Record<string, string>> = { default: {}, other: { team: 'a' } }): ClusterView {
  return { nodes: layout.map(([n, pods]) => ({ node: n, pods })), namespaceLabels: (ns) => namespaces[ns] };
}

const prefer = (weight: number, labelSelector: Record<string, string>, topologyKey: string, extra: object = {}) => ({
  weight,
  podAffinityTerm: { labelSelector: { matchLabels: labelSelector }, topologyKey, ...extra },
});

describe('PodTopologySpread scoring', () => {
  const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'rs-1', controller: true };
  const replica = (extra: Partial<Pod['metadata']> = {}): Pod => {
    const p = pod({ app: 'web' });
    return { ...p, metadata: { ...p.metadata, ownerReferences: [rs], ...extra } };
  };

  it("spreads a workload's pods by host by default: count × ln(nodes + 2) + (3 − 1), reversed onto 0..100", () => {
    // ln 5 = 1.61: raw 5 / 4 / 2 → 100 × (7 − raw) / 5.
    const layout: Array<[Node, Pod[]]> = [
      [node('a'), [replica(), replica()]],
      [node('b'), [replica(), pod({ app: 'web' })]],
      [node('c'), []],
    ];
    const v = view(layout);
    expect(podTopologySpreadScores(replica(), v.nodes, v)).toEqual([40, 60, 100]);
  });

  it('does not count terminating pods, and leaves pods without a controller or with only DoNotSchedule constraints alone', () => {
    const v = view([
      [node('a'), [replica({ deletionTimestamp: '2025-01-01T00:00:00Z' })]],
      [node('b'), []],
    ]);
    expect(podTopologySpreadScores(replica(), v.nodes, v)).toEqual([100, 100]);
    // The scheduler's NodeInfo keeps the same count: a replica stops counting once it terminates.
    const running = replica();
    const info = nodeInfo(node('a'), [running, replica({ deletionTimestamp: '2025-01-01T00:00:00Z' })]);
    expect(info.ownedBy('rs-1')).toBe(1);
    info.add({ ...running, metadata: { ...running.metadata, deletionTimestamp: '2025-01-01T00:00:00Z' } });
    expect(info.ownedBy('rs-1')).toBe(0);
    const busy = view([
      [node('a'), [replica()]],
      [node('b'), []],
    ]);
    expect(podTopologySpreadScores(pod({ app: 'web' }), busy.nodes, busy)).toEqual([0, 0]);
    const hard = { ...replica(), spec: { ...replica().spec, topologySpreadConstraints: [{ maxSkew: 1, topologyKey: host, whenUnsatisfiable: 'DoNotSchedule' as const, labelSelector: { matchLabels: { app: 'web' } } }] } };
    expect(podTopologySpreadScores(hard, busy.nodes, busy)).toEqual([0, 0]);
  });

  it("scores the pod's own ScheduleAnyway constraints by domain; a node without the key scores 0", () => {
    const soft = pod({ app: 'web' }, { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: zone, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }] });
    // Zone a holds 3 matching pods over two nodes, zone b none: raw round(3 × ln 4) = 4 and 0.
    const v = view([
      [node('a1', { [zone]: 'a' }), [pod({ app: 'web' }), pod({ app: 'web' })]],
      [node('a2', { [zone]: 'a' }), [pod({ app: 'web' }), pod({ app: 'db' })]],
      [node('b1', { [zone]: 'b' }), [pod({ app: 'web' }, {}, 'other')]],
      [node('nozone'), []],
    ]);
    expect(podTopologySpreadScores(soft, v.nodes, v)).toEqual([0, 0, 100, 0]);
  });
});

describe('score normalisation (helper.DefaultNormalizeScore and InterPodAffinity)', () => {
  it('scales to the maximum with integer division, reversed on request', () => {
    expect(defaultNormalizeScore([100, 20, 0], false)).toEqual([100, 20, 0]);
    expect(defaultNormalizeScore([3, 1, 0], false)).toEqual([100, 33, 0]);
    expect(defaultNormalizeScore([0, 1, 2], true)).toEqual([100, 50, 0]);
    expect(defaultNormalizeScore([0, 0], false)).toEqual([0, 0]);
    expect(defaultNormalizeScore([0, 0], true)).toEqual([100, 100]);
  });

  it('maps min..max onto 0..100 for inter-pod affinity, all 0 when every node scored the same', () => {
    expect(minMaxNormalizeScore([-5, 0, 5])).toEqual([0, 50, 100]);
    expect(minMaxNormalizeScore([3, 6])).toEqual([0, 100]);
    expect(minMaxNormalizeScore([-3, -3])).toEqual([0, 0]);
    expect(minMaxNormalizeScore([1, 2, 4])).toEqual([0, 33, 100]);
  });
});

describe('TaintToleration score', () => {
  const soft = (key: string) => ({ key, value: 'v', effect: 'PreferNoSchedule' as const });
  it('the more intolerable PreferNoSchedule taints a node has, the lower it scores', () => {
    const nodes = [node('n1'), node('n2', {}, { taints: [soft('a')] }), node('n3', {}, { taints: [soft('a'), soft('b')] })];
    expect(taintTolerationScores(pod(), nodes)).toEqual([100, 50, 0]);
  });

  it('counts only PreferNoSchedule taints, and only tolerations for PreferNoSchedule or every effect', () => {
    const hard = { key: 'h', effect: 'NoSchedule' as const };
    const nodes = [node('n1', {}, { taints: [hard] }), node('n2', {}, { taints: [soft('a')] }), node('n3', {}, { taints: [soft('b')] })];
    const p = pod(
      {},
      {
        tolerations: [
          { key: 'a', operator: 'Exists' }, // no effect: tolerates every effect
          { key: 'b', operator: 'Exists', effect: 'NoSchedule' }, // another effect: no help
        ],
      },
    );
    expect(taintTolerationScores(p, nodes)).toEqual([100, 100, 0]);
  });

  it('gives every node 100 when no node has such a taint', () => {
    expect(taintTolerationScores(pod(), [node('n1'), node('n2')])).toEqual([100, 100]);
  });
});

describe('NodeAffinity score', () => {
  const preferred = (terms: unknown[]): Partial<PodSpec> => ({
    affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: terms } as never },
  });
  const term = (weight: number, key: string, values: string[]) => ({ weight, preference: { matchExpressions: [{ key, operator: 'In', values }] } });

  it('sums the weights of the matching terms and normalises to the best node: 80 + 20 → 100 / 20 / 0', () => {
    const p = pod({}, preferred([term(80, 'disk', ['ssd']), term(20, 'gpu', ['yes'])]));
    const nodes = [node('both', { disk: 'ssd', gpu: 'yes' }), node('gpu', { gpu: 'yes' }), node('none', { disk: 'hdd' })];
    expect(nodeAffinityScores(p, nodes)).toEqual([100, 20, 0]);
    // Without the best node, the best remaining one gets 100.
    expect(nodeAffinityScores(p, nodes.slice(1))).toEqual([100, 0]);
  });

  it('matches fields (metadata.name), skips empty and weight-0 terms, and is 0 everywhere without preferences', () => {
    const p = pod(
      {},
      preferred([
        { weight: 5, preference: { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] } },
        { weight: 50, preference: {} },
        term(0, 'disk', ['ssd']),
      ]),
    );
    expect(nodeAffinityScores(p, [node('n1', { disk: 'ssd' }), node('n2')])).toEqual([0, 100]);
    expect(nodeAffinityScores(pod(), [node('n1'), node('n2')])).toEqual([0, 0]);
  });
});

describe('InterPodAffinity score', () => {
  it('prefers the domain holding pods the incoming pod likes (upstream: region China / India / az1 → 100 / 0 / 0)', () => {
    const nodes = [node('m1', { region: 'China' }), node('m2', { region: 'India' }), node('m3', { az: 'az1' })];
    const v = view([
      [nodes[0]!, [pod({ security: 'S1' })]],
      [nodes[1]!, [pod({ security: 'S2' })]],
      [nodes[2]!, []],
    ]);
    const p = pod({}, { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [prefer(5, { security: 'S1' }, 'region')] } } });
    expect(interPodAffinityScores(p, nodes, v)).toEqual([100, 0, 0]);
  });

  it('subtracts anti-affinity weights, adds affinity ones, per topology domain', () => {
    const nodes = [node('n1', { [zone]: 'a' }), node('n2', { [zone]: 'a' }), node('n3', { [zone]: 'b' })];
    const v = view([
      [nodes[0]!, [pod({ app: 'web' })]],
      [nodes[1]!, []],
      [nodes[2]!, [pod({ app: 'db' })]],
    ]);
    const p = pod(
      { app: 'web' },
      {
        affinity: {
          podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [prefer(10, { app: 'db' }, zone)] },
          podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [prefer(30, { app: 'web' }, zone), prefer(20, { app: 'web' }, host)] },
        },
      },
    );
    const raw = interPodAffinityPreScore(p, v)!;
    // n1: zone a −30, host n1 −20; n2: zone a −30; n3: zone b +10.
    expect(nodes.map((n) => interPodAffinityRawScore(raw, n))).toEqual([-50, -30, 10]);
    expect(interPodAffinityScores(p, nodes, v)).toEqual([0, 33, 100]);
  });

  it('counts bound pods’ terms toward the incoming pod: preferred (anti-)affinity and required affinity at weight 1', () => {
    const nodes = [node('n1'), node('n2'), node('n3')];
    const likesWeb = pod(
      {},
      {
        affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: host }] } },
      },
    );
    const avoidsWeb = pod({}, { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [prefer(7, { app: 'web' }, host)] } } });
    const prefersWeb = pod({}, { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [prefer(4, { app: 'web' }, host)] } } });
    const v = view([
      [nodes[0]!, [likesWeb]],
      [nodes[1]!, [avoidsWeb]],
      [nodes[2]!, [prefersWeb]],
    ]);
    const raw = interPodAffinityPreScore(pod({ app: 'web' }), v)!;
    expect(nodes.map((n) => interPodAffinityRawScore(raw, n))).toEqual([1, -7, 4]);
    // A pod the terms do not select is untouched: no score at all.
    expect(interPodAffinityPreScore(pod({ app: 'db' }), v)).toBeUndefined();
  });

  it('respects term namespaces and namespaceSelector', () => {
    const nodes = [node('n1'), node('n2')];
    const v = view([
      [nodes[0]!, [pod({ app: 'web' }, {}, 'other')]],
      [nodes[1]!, []],
    ]);
    const anti = (extra: object) =>
      pod({ app: 'web' }, { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [prefer(10, { app: 'web' }, host, extra)] } } });
    // Its own namespace only, by default: the pod in "other" does not count.
    expect(interPodAffinityScores(anti({}), nodes, v)).toEqual([0, 0]);
    expect(interPodAffinityScores(anti({ namespaces: ['other'] }), nodes, v)).toEqual([0, 100]);
    expect(interPodAffinityScores(anti({ namespaceSelector: { matchLabels: { team: 'a' } } }), nodes, v)).toEqual([0, 100]);
    expect(interPodAffinityScores(anti({ namespaceSelector: { matchLabels: { team: 'b' } } }), nodes, v)).toEqual([0, 0]);
    expect(interPodAffinityScores(anti({ namespaceSelector: {} }), nodes, v)).toEqual([0, 100]);
    // A bound pod's term with a namespaceSelector is matched against the incoming pod's namespace labels.
    const picky = pod(
      {},
      {
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [prefer(10, { app: 'web' }, host, { namespaceSelector: { matchLabels: { team: 'a' } } })],
          },
        },
      },
    );
    const v2 = view([
      [nodes[0]!, [picky]],
      [nodes[1]!, []],
    ]);
    expect(interPodAffinityScores(pod({ app: 'web' }, {}, 'other'), nodes, v2)).toEqual([0, 100]);
    expect(interPodAffinityScores(pod({ app: 'web' }), nodes, v2)).toEqual([0, 0]);
  });
});

describe('the three plugins together', () => {
  it('give every node the same score without preferred terms or PreferNoSchedule taints', () => {
    const nodes = [node('n1', { [zone]: 'a' }), node('n2', { [zone]: 'b' }, { taints: [{ key: 'x', effect: 'NoSchedule' }] })];
    const v = view([
      [nodes[0]!, [pod({ app: 'web' })]],
      [nodes[1]!, []],
    ]);
    const infos = v.nodes;
    expect(pluginScores(pod({ app: 'web' }), infos, v)).toEqual([300, 300]);
  });

  it('weighs TaintToleration 3, NodeAffinity 2 and InterPodAffinity 2', () => {
    const nodes = [node('n1', {}, { taints: [{ key: 'x', effect: 'PreferNoSchedule' }] }), node('n2', { disk: 'ssd' }), node('n3')];
    const v = view([
      [nodes[0]!, []],
      [nodes[1]!, []],
      [nodes[2]!, [pod({ app: 'db' })]],
    ]);
    const p = pod(
      {},
      {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 1, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
            ],
          } as never,
          podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [prefer(1, { app: 'db' }, host)] },
        },
      },
    );
    expect(pluginScores(p, v.nodes, v)).toEqual([0, 300 + 200, 300 + 200]);
  });
});

// ---------- in a simulated cluster ----------

const PODS = { resource: 'pods' };
const NODES = { resource: 'nodes' };
const DEPLOYMENTS = { group: 'apps', resource: 'deployments' };
const workers = ['wheelhouse-worker', 'wheelhouse-worker2', 'wheelhouse-worker3'];

function deployment(name: string, replicas: number, spec: Partial<PodSpec>): KubeObject {
  const d = deploymentManifest(name, replicas, 'nginx');
  const template = (d.spec as { template: { spec: PodSpec } }).template;
  template.spec = { ...template.spec, ...spec };
  return d;
}

function placement(c: ReturnType<typeof createCluster>, app: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of c.client.list<Pod>(PODS, { namespace: 'default', labelSelector: `app=${app}` }).items) {
    const n = p.spec.nodeName ?? '<pending>';
    counts[n] = (counts[n] ?? 0) + 1;
  }
  return counts;
}

function barePod(name: string, labels: Record<string, string>, spec: Partial<PodSpec> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } };
}

describe('preferred scheduling in a simulated cluster', () => {
  const ssd = { weight: 100, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } };
  const prefersSsd = { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [ssd] } as never } };

  it('lands pods with preferred node affinity on the labelled node while they fit', () => {
    const c = createCluster({ seed: 1, workers: 3 });
    c.client.patch(NODES, undefined, 'wheelhouse-worker2', 'merge', { metadata: { labels: { disk: 'ssd' } } });
    for (const i of [1, 2, 3, 4]) c.client.create(PODS, barePod(`web-${i}`, { app: 'web' }, prefersSsd));
    c.advance(10_000);
    expect(placement(c, 'web')).toEqual({ 'wheelhouse-worker2': 4 });
  });

  // Default spreading pulls the other way here, but its cost to the crowded node (about 90 to 144
  // points, weight included) stays under what NodeAffinity's 2 × 100 gives, as upstream.
  it('lands a Deployment with preferred node affinity on the labelled node while its pods fit, against default spreading', () => {
    const c = createCluster({ seed: 1, workers: 3 });
    c.client.patch(NODES, undefined, 'wheelhouse-worker2', 'merge', { metadata: { labels: { disk: 'ssd' } } });
    c.client.create(DEPLOYMENTS, deployment('web', 4, prefersSsd));
    c.advance(10_000);
    expect(placement(c, 'web')).toEqual({ 'wheelhouse-worker2': 4 });
  });

  it('keeps pods off a node with a PreferNoSchedule taint while the others have room', () => {
    const c = createCluster({ seed: 1, workers: 3 });
    c.client.patch(NODES, undefined, 'wheelhouse-worker3', 'merge', { spec: { taints: [{ key: 'maintenance', value: 'soon', effect: 'PreferNoSchedule' }] } });
    c.client.create(DEPLOYMENTS, deployment('web', 6, {}));
    c.advance(10_000);
    const where = placement(c, 'web');
    expect(where['wheelhouse-worker3']).toBeUndefined();
    expect(where).toEqual({ 'wheelhouse-worker': 3, 'wheelhouse-worker2': 3 });
  });

  it('spreads pods with preferred anti-affinity by hostname over the workers, and still schedules a fourth', () => {
    const c = createCluster({ seed: 1, workers: 3 });
    // Half of worker2 and worker3 is taken, so without the anti-affinity every pod would pick the emptier worker.
    for (const w of workers.slice(1)) {
      c.client.create(
        PODS,
        barePod(
          `load-${w}`,
          { app: 'load' },
          { nodeName: w, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '4', memory: '8Gi' } } }] },
        ),
      );
    }
    c.advance(5_000);
    // Bare pods, not a Deployment: the scheduler's sibling spreading already spreads one owner's pods.
    const anti = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [prefer(100, { app: 'web' }, host)] } };
    for (const i of [1, 2, 3]) {
      c.client.create(PODS, barePod(`web-${i}`, { app: 'web' }, { affinity: anti }));
      c.advance(2_000);
    }
    expect(placement(c, 'web')).toEqual({ 'wheelhouse-worker': 1, 'wheelhouse-worker2': 1, 'wheelhouse-worker3': 1 });
    // Preferred, not required: a fourth still runs, on the emptiest worker.
    c.client.create(PODS, barePod('web-4', { app: 'web' }, { affinity: anti }));
    c.advance(2_000);
    expect(c.client.get<Pod>(PODS, 'default', 'web-4').spec.nodeName).toBe('wheelhouse-worker');
  });
});

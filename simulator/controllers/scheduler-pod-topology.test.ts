import { describe, expect, it } from 'vitest';
import type { Node, Pod, PodAffinityTerm, PodSpec, TopologySpreadConstraint } from './pod-types.ts';
import { type FilterRejection, unschedulableMessage } from './scheduler-filters.ts';
import {
  type ClusterView,
  type NodeFilter,
  affinityRulesNotMatch,
  antiAffinityRulesNotMatch,
  existingAntiAffinityNotMatch,
  interPodAffinityFilter,
  podTopologySpreadFilter,
  spreadConstraintsNotMatch,
  spreadMissingLabel,
} from './scheduler-pod-topology.ts';

function node(name: string, labels: Record<string, string>, spec: Node['spec'] = {}): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, spec };
}

let uid = 0;
function pod(labels: Record<string, string>, spec: Partial<PodSpec> = {}, meta: Partial<Pod['metadata']> = {}): Pod {
  uid++;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p${uid}`, namespace: 'default', uid: `u${uid}`, labels, ...meta },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
  };
}

/** A cluster: each node with the pods bound to it, and namespace labels. */
function cluster(layout: Array<[Node, Pod[]]>, namespaces: Record<string, Record<string, string>> = { default: {} }): ClusterView {
  return { nodes: layout.map(([n, pods]) => ({ node: n, pods })), namespaceLabels: (ns) => namespaces[ns] };
}

/** Each node's verdict: 'ok', or the reason with (u) when preemption cannot help. */
function verdicts(filter: NodeFilter | undefined, view: ClusterView): Record<string, string> {
  if (!filter) throw new Error('expected a filter');
  const out: Record<string, string> = {};
  for (const info of view.nodes) {
    const r = filter(info);
    out[info.node.metadata.name!] = r ? `${r.reasons.join(';')}${r.unresolvable ? ' (u)' : ''}` : 'ok';
  }
  return out;
}

const web = { app: 'web' };
const zone = 'topology.kubernetes.io/zone';
const host = 'kubernetes.io/hostname';
const spread = (c: Partial<TopologySpreadConstraint> = {}): Partial<PodSpec> => ({
  topologySpreadConstraints: [{ maxSkew: 1, topologyKey: zone, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: web }, ...c }],
});
const SKEW = spreadConstraintsNotMatch;
const MISSING = `${spreadMissingLabel} (u)`;

describe('PodTopologySpread filter', () => {
  it('costs nothing without DoNotSchedule constraints', () => {
    const view = cluster([[node('n1', { [zone]: 'a' }), [pod(web)]]]);
    expect(podTopologySpreadFilter(pod(web), view)).toBeUndefined();
    expect(podTopologySpreadFilter(pod(web, spread({ whenUnsatisfiable: 'ScheduleAnyway' })), view)).toBeUndefined();
  });

  it.each([
    {
      name: 'rejects the zone that would exceed maxSkew (resolvable)',
      layout: [['n1', 'a', 1], ['n2', 'b', 0]] as const,
      spec: spread(),
      want: { n1: SKEW, n2: 'ok' },
    },
    {
      name: 'a larger maxSkew allows it',
      layout: [['n1', 'a', 1], ['n2', 'b', 0]] as const,
      spec: spread({ maxSkew: 2 }),
      want: { n1: 'ok', n2: 'ok' },
    },
    {
      name: 'counts per zone, not per node',
      layout: [['n1', 'a', 1], ['n2', 'a', 0], ['n3', 'b', 0]] as const,
      spec: spread(),
      want: { n1: SKEW, n2: SKEW, n3: 'ok' },
    },
    {
      name: 'even zones accept the pod anywhere',
      layout: [['n1', 'a', 1], ['n2', 'b', 1]] as const,
      spec: spread(),
      want: { n1: 'ok', n2: 'ok' },
    },
    {
      name: 'minDomains above the domain count makes the global minimum 0',
      layout: [['n1', 'a', 1], ['n2', 'b', 1]] as const,
      spec: spread({ minDomains: 3 }),
      want: { n1: SKEW, n2: SKEW },
    },
    {
      name: 'minDomains met keeps the real minimum',
      layout: [['n1', 'a', 1], ['n2', 'b', 1]] as const,
      spec: spread({ minDomains: 2 }),
      want: { n1: 'ok', n2: 'ok' },
    },
    {
      name: 'a node without the key is rejected as unresolvable and is no domain',
      layout: [['n1', 'a', 1], ['n2', 'b', 0], ['n3', undefined, 0]] as const,
      spec: spread(),
      want: { n1: SKEW, n2: 'ok', n3: MISSING },
    },
    {
      name: 'hostname spreading: one per node',
      layout: [['n1', 'a', 1], ['n2', 'a', 0]] as const,
      spec: spread({ topologyKey: host }),
      want: { n1: SKEW, n2: 'ok' },
    },
  ])('$name', ({ layout, spec, want }) => {
    const view = cluster(layout.map(([name, z, count]) => [node(name, z ? { [zone]: z } : {}), Array.from({ length: count }, () => pod(web))]));
    expect(verdicts(podTopologySpreadFilter(pod(web, spec), view), view)).toEqual(want);
  });

  it('counts only same-namespace, matching, non-terminating pods', () => {
    const view = cluster([
      [
        node('n1', { [zone]: 'a' }),
        [
          pod({ app: 'db' }),
          pod(web, {}, { namespace: 'other' }),
          pod(web, {}, { deletionTimestamp: '2024-01-01T00:00:00Z' }),
          pod(web, {}, { deletionTimestamp: '2024-01-01T00:00:00Z' }),
        ],
      ],
      [node('n2', { [zone]: 'b' }), []],
    ]);
    expect(verdicts(podTopologySpreadFilter(pod(web, spread()), view), view)).toEqual({ n1: 'ok', n2: 'ok' });
  });

  it('does not count the incoming pod when it does not match its own selector', () => {
    const view = cluster([
      [node('n1', { [zone]: 'a' }), [pod(web)]],
      [node('n2', { [zone]: 'b' }), []],
    ]);
    // 1 + 0 - 0 = 1 ≤ maxSkew: the pod does not add to the zone it lands in.
    expect(verdicts(podTopologySpreadFilter(pod({ app: 'other' }, spread()), view), view)).toEqual({ n1: 'ok', n2: 'ok' });
  });

  it('nodeAffinityPolicy Honor (default) leaves out zones the pod cannot go to; Ignore counts them', () => {
    const view = cluster([
      [node('n1', { [zone]: 'a', disk: 'ssd' }), [pod(web)]],
      [node('n2', { [zone]: 'b', disk: 'ssd' }), [pod(web)]],
      [node('n3', { [zone]: 'c' }), []],
    ]);
    const honor = pod(web, { nodeSelector: { disk: 'ssd' }, ...spread() });
    // n3 would be rejected by NodeAffinity before this filter runs; here it only shows the count.
    expect(verdicts(podTopologySpreadFilter(honor, view), view)).toEqual({ n1: 'ok', n2: 'ok', n3: 'ok' });
    const ignore = pod(web, { nodeSelector: { disk: 'ssd' }, ...spread({ nodeAffinityPolicy: 'Ignore' }) });
    expect(verdicts(podTopologySpreadFilter(ignore, view), view)).toEqual({ n1: SKEW, n2: SKEW, n3: 'ok' });
    // Required node affinity counts the same as nodeSelector.
    const affine = pod(web, {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }] } } },
      ...spread(),
    });
    expect(verdicts(podTopologySpreadFilter(affine, view), view)).toEqual({ n1: 'ok', n2: 'ok', n3: 'ok' });
  });

  it('nodeTaintsPolicy Ignore (default) counts tainted nodes; Honor leaves out untolerated ones', () => {
    const taints = [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' as const }];
    const view = cluster([
      [node('n1', { [zone]: 'a' }), [pod(web)]],
      [node('n2', { [zone]: 'b' }, { taints }), []],
    ]);
    expect(verdicts(podTopologySpreadFilter(pod(web, spread()), view), view)).toEqual({ n1: SKEW, n2: 'ok' });
    expect(verdicts(podTopologySpreadFilter(pod(web, spread({ nodeTaintsPolicy: 'Honor' })), view), view)).toEqual({ n1: 'ok', n2: 'ok' });
    const tolerant = pod(web, { tolerations: [{ key: 'dedicated', operator: 'Exists' }], ...spread({ nodeTaintsPolicy: 'Honor' }) });
    expect(verdicts(podTopologySpreadFilter(tolerant, view), view)).toEqual({ n1: SKEW, n2: 'ok' });
  });

  it("matchLabelKeys narrows the selector to pods with the incoming pod's values", () => {
    const v1 = { ...web, 'pod-template-hash': 'v1' };
    const v2 = { ...web, 'pod-template-hash': 'v2' };
    const view = cluster([
      [node('n1', { [zone]: 'a' }), [pod(v1), pod(v1)]],
      [node('n2', { [zone]: 'b' }), [pod(v2)]],
    ]);
    // Without matchLabelKeys all web pods count: a=2, b=1, so a is too full.
    expect(verdicts(podTopologySpreadFilter(pod(v2, spread()), view), view)).toEqual({ n1: SKEW, n2: 'ok' });
    // With it only v2 pods count: a=0, b=1, so b is too full.
    expect(verdicts(podTopologySpreadFilter(pod(v2, spread({ matchLabelKeys: ['pod-template-hash'] })), view), view)).toEqual({ n1: 'ok', n2: SKEW });
  });

  it('a node must carry every constraint key to be a domain; constraints are checked in order', () => {
    const both: Partial<PodSpec> = {
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: zone, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: web } },
        { maxSkew: 1, topologyKey: 'rack', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: web } },
      ],
    };
    const view = cluster([
      [node('n1', { [zone]: 'a', rack: 'r1' }), []],
      // No rack: not a zone domain either, so its pods do not make zone b count.
      [node('n2', { [zone]: 'b' }), [pod(web), pod(web)]],
      [node('n3', { [zone]: 'c', rack: 'r1' }), [pod(web)]],
    ]);
    expect(verdicts(podTopologySpreadFilter(pod(web, both), view), view)).toEqual({ n1: 'ok', n2: MISSING, n3: SKEW });
  });
});

const affinity = (...terms: PodAffinityTerm[]): Partial<PodSpec> => ({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } } });
const antiAffinity = (...terms: PodAffinityTerm[]): Partial<PodSpec> => ({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } } });
const AFF = `${affinityRulesNotMatch} (u)`;
const ANTI = antiAffinityRulesNotMatch;
const EXISTING = existingAntiAffinityNotMatch;

describe('InterPodAffinity filter', () => {
  it('costs nothing when neither the pod nor any bound pod has required (anti-)affinity', () => {
    const preferredOnly = pod(web, {
      affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: host, labelSelector: { matchLabels: web } } }] } },
    });
    const view = cluster([[node('n1', { [zone]: 'a' }), [pod(web), preferredOnly]]]);
    expect(interPodAffinityFilter(pod(web), view)).toBeUndefined();
    expect(interPodAffinityFilter(preferredOnly, view)).toBeUndefined();
    // A bound pod's anti-affinity that does not select the incoming pod costs nothing either.
    const guarded = cluster([[node('n1', {}), [pod({ app: 'db' }, antiAffinity({ topologyKey: host, labelSelector: { matchLabels: { app: 'db' } } }))]]]);
    expect(interPodAffinityFilter(pod(web), guarded)).toBeUndefined();
  });

  it('required podAffinity: only domains holding a matching pod; missing key or no match is unresolvable', () => {
    const view = cluster([
      [node('n1', { [zone]: 'a' }), [pod({ app: 'db' })]],
      [node('n2', { [zone]: 'a' }), []],
      [node('n3', { [zone]: 'b' }), [pod({ app: 'cache' })]],
      [node('n4', {}), []],
    ]);
    const p = pod(web, affinity({ topologyKey: zone, labelSelector: { matchLabels: { app: 'db' } } }));
    expect(verdicts(interPodAffinityFilter(p, view), view)).toEqual({ n1: 'ok', n2: 'ok', n3: AFF, n4: AFF });
  });

  it('several affinity terms must all be satisfied by the same pods', () => {
    const view = cluster([
      [node('n1', { [zone]: 'a' }), [pod({ app: 'db' }), pod({ tier: 'back' })]],
      [node('n2', { [zone]: 'b' }), [pod({ app: 'db', tier: 'back' })]],
    ]);
    const p = pod(web, affinity({ topologyKey: zone, labelSelector: { matchLabels: { app: 'db' } } }, { topologyKey: zone, labelSelector: { matchLabels: { tier: 'back' } } }));
    expect(verdicts(interPodAffinityFilter(p, view), view)).toEqual({ n1: AFF, n2: 'ok' });
  });

  it('the first pod of a self-affine group may go to any node with the key', () => {
    const selfAffine = affinity({ topologyKey: zone, labelSelector: { matchLabels: web } });
    const empty = cluster([
      [node('n1', { [zone]: 'a' }), [pod({ app: 'db' })]],
      [node('n2', { [zone]: 'b' }), []],
      [node('n3', {}), []],
    ]);
    expect(verdicts(interPodAffinityFilter(pod(web, selfAffine), empty), empty)).toEqual({ n1: 'ok', n2: 'ok', n3: AFF });
    // Not matching its own term: no exception.
    expect(verdicts(interPodAffinityFilter(pod({ app: 'api' }, selfAffine), empty), empty)).toEqual({ n1: AFF, n2: AFF, n3: AFF });
    // Once one exists, the rest follow it.
    const started = cluster([
      [node('n1', { [zone]: 'a' }), []],
      [node('n2', { [zone]: 'b' }), [pod(web)]],
    ]);
    expect(verdicts(interPodAffinityFilter(pod(web, selfAffine), started), started)).toEqual({ n1: AFF, n2: 'ok' });
  });

  it('required podAntiAffinity: domains holding a matching pod are rejected (resolvable); nodes without the key pass', () => {
    const view = cluster([
      [node('n1', { [zone]: 'a' }), [pod(web)]],
      [node('n2', { [zone]: 'a' }), []],
      [node('n3', { [zone]: 'b' }), []],
      [node('n4', {}), []],
    ]);
    const byHost = pod(web, antiAffinity({ topologyKey: host, labelSelector: { matchLabels: web } }));
    expect(verdicts(interPodAffinityFilter(byHost, view), view)).toEqual({ n1: ANTI, n2: 'ok', n3: 'ok', n4: 'ok' });
    const byZone = pod(web, antiAffinity({ topologyKey: zone, labelSelector: { matchLabels: web } }));
    expect(verdicts(interPodAffinityFilter(byZone, view), view)).toEqual({ n1: ANTI, n2: ANTI, n3: 'ok', n4: 'ok' });
  });

  it("bound pods' anti-affinity keeps the incoming pod out of their domain", () => {
    const loner = pod({ app: 'db' }, antiAffinity({ topologyKey: zone, labelSelector: { matchLabels: web } }));
    const view = cluster([
      [node('n1', { [zone]: 'a' }), [loner]],
      [node('n2', { [zone]: 'a' }), []],
      [node('n3', { [zone]: 'b' }), []],
    ]);
    expect(verdicts(interPodAffinityFilter(pod(web), view), view)).toEqual({ n1: EXISTING, n2: EXISTING, n3: 'ok' });
    // Its term defaults to its own namespace: a web pod elsewhere is not affected.
    expect(interPodAffinityFilter(pod(web, {}, { namespace: 'other' }), view)).toBeUndefined();
    // The cached list of nodes with such pods gives the same answer.
    expect(verdicts(interPodAffinityFilter(pod(web), { ...view, nodesWithRequiredAntiAffinity: [view.nodes[0]!] }), view)).toEqual({
      n1: EXISTING,
      n2: EXISTING,
      n3: 'ok',
    });
  });

  it('checks affinity, then anti-affinity, then existing pods', () => {
    const loner = pod({ app: 'db' }, antiAffinity({ topologyKey: host, labelSelector: { matchLabels: web } }));
    const view = cluster([
      [node('n1', { [zone]: 'a' }), [loner, pod({ app: 'cache' })]],
      [node('n2', { [zone]: 'b' }), [pod(web)]],
    ]);
    const p = pod(web, { affinity: { ...affinity({ topologyKey: zone, labelSelector: { matchLabels: { app: 'cache' } } }).affinity, ...antiAffinity({ topologyKey: host, labelSelector: { matchLabels: { app: 'db' } } }).affinity } });
    expect(verdicts(interPodAffinityFilter(p, view), view)).toEqual({ n1: ANTI, n2: AFF });
  });

  it.each([
    { name: 'own namespace by default', term: {}, want: { n1: 'ok', n2: ANTI, n3: 'ok' } },
    { name: 'explicit namespaces', term: { namespaces: ['team-a'] }, want: { n1: ANTI, n2: 'ok', n3: 'ok' } },
    { name: 'namespaceSelector by label', term: { namespaceSelector: { matchLabels: { team: 'b' } } }, want: { n1: 'ok', n2: 'ok', n3: ANTI } },
    { name: 'empty namespaceSelector: every namespace', term: { namespaceSelector: {} }, want: { n1: ANTI, n2: ANTI, n3: ANTI } },
    { name: 'namespaces and namespaceSelector are ORed', term: { namespaces: ['team-a'], namespaceSelector: { matchLabels: { team: 'b' } } }, want: { n1: ANTI, n2: 'ok', n3: ANTI } },
  ])('term namespaces: $name', ({ term, want }) => {
    const view = cluster(
      [
        [node('n1', {}), [pod(web, {}, { namespace: 'team-a' })]],
        [node('n2', {}), [pod(web)]],
        [node('n3', {}), [pod(web, {}, { namespace: 'team-b' })]],
      ],
      { default: {}, 'team-a': { team: 'a' }, 'team-b': { team: 'b' } },
    );
    const p = pod({ app: 'api' }, antiAffinity({ topologyKey: host, labelSelector: { matchLabels: web }, ...term }));
    expect(verdicts(interPodAffinityFilter(p, view), view)).toEqual(want);
  });

  it("a bound pod's namespaceSelector is matched against the incoming pod's namespace labels", () => {
    const guard = pod({ app: 'db' }, antiAffinity({ topologyKey: host, labelSelector: { matchLabels: web }, namespaceSelector: { matchLabels: { env: 'prod' } } }));
    const view = cluster([[node('n1', {}), [guard]], [node('n2', {}), []]], { default: {}, prod: { env: 'prod' }, dev: { env: 'dev' } });
    expect(verdicts(interPodAffinityFilter(pod(web, {}, { namespace: 'prod' }), view), view)).toEqual({ n1: EXISTING, n2: 'ok' });
    expect(interPodAffinityFilter(pod(web, {}, { namespace: 'dev' }), view)).toBeUndefined();
  });

  it('matchLabelKeys and mismatchLabelKeys take values from the pod that owns the term', () => {
    const v1 = { ...web, 'pod-template-hash': 'v1' };
    const v2 = { ...web, 'pod-template-hash': 'v2' };
    const view = cluster([
      [node('n1', {}), [pod(v1)]],
      [node('n2', {}), [pod(v2)]],
    ]);
    const sameRevision = pod(v2, antiAffinity({ topologyKey: host, labelSelector: { matchLabels: web }, matchLabelKeys: ['pod-template-hash'] }));
    expect(verdicts(interPodAffinityFilter(sameRevision, view), view)).toEqual({ n1: 'ok', n2: ANTI });
    const otherRevisions = pod(v2, antiAffinity({ topologyKey: host, labelSelector: { matchLabels: web }, mismatchLabelKeys: ['pod-template-hash'] }));
    expect(verdicts(interPodAffinityFilter(otherRevisions, view), view)).toEqual({ n1: ANTI, n2: 'ok' });
    // A bound pod's matchLabelKeys use its own labels: the v1 guard only repels v1 pods.
    const guard = pod(v1, antiAffinity({ topologyKey: host, labelSelector: { matchLabels: web }, matchLabelKeys: ['pod-template-hash'] }));
    const guarded = cluster([[node('n1', {}), [guard]], [node('n2', {}), []]]);
    expect(verdicts(interPodAffinityFilter(pod(v1), guarded), guarded)).toEqual({ n1: EXISTING, n2: 'ok' });
    expect(interPodAffinityFilter(pod(v2), guarded)).toBeUndefined();
  });

  it('a null labelSelector selects no pods', () => {
    const view = cluster([[node('n1', { [zone]: 'a' }), [pod(web)]]]);
    expect(verdicts(interPodAffinityFilter(pod(web, antiAffinity({ topologyKey: zone })), view), view)).toEqual({ n1: 'ok' });
    expect(verdicts(interPodAffinityFilter(pod(web, antiAffinity({ topologyKey: zone, labelSelector: {} })), view), view)).toEqual({ n1: ANTI });
  });
});

describe('the FailedScheduling message with these filters', () => {
  it('reads like upstream for a pod that cannot be spread or placed', () => {
    const view = cluster([
      [node('n1', { [zone]: 'a' }), [pod(web)]],
      [node('n2', { [zone]: 'a' }), [pod(web)]],
      [node('n3', {}), []],
    ]);
    const p = pod(web, { ...spread(), ...antiAffinity({ topologyKey: host, labelSelector: { matchLabels: web } }) });
    const filters = [podTopologySpreadFilter(p, view)!, interPodAffinityFilter(p, view)!];
    const rejections: FilterRejection[] = view.nodes.map((info) => filters.map((f) => f(info)).find((r) => r)!);
    expect(unschedulableMessage(p, 3, rejections)).toBe(
      "0/3 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label), 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });
});

// The pod STATUS / READY / RESTARTS algorithm, one case per state a learner meets.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../machinery/types.ts';
import { buildTable } from './index.ts';
import { podSummary, type PodLike } from './pod.ts';

const NOW = Date.parse('2026-11-21T12:00:00Z');

function pod(spec: PodLike['spec'], status: PodLike['status'], meta: Partial<KubeObject['metadata']> = {}): PodLike {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', creationTimestamp: '2026-11-21T11:00:00Z', ...meta },
    spec,
    status,
  };
}

const one = { containers: [{ name: 'app', image: 'img' }] };
const two = { containers: [{ name: 'a', image: 'img' }, { name: 'b', image: 'img' }] };

describe('pod STATUS', () => {
  it('Pending without a node', () => {
    expect(podSummary(pod(one, { phase: 'Pending' }), NOW)).toEqual({ ready: '0/1', status: 'Pending', restarts: '0' });
  });

  it('SchedulingGated wins over Pending', () => {
    const p = pod(one, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] });
    expect(podSummary(p, NOW).status).toBe('SchedulingGated');
  });

  it.each(['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff', 'CrashLoopBackOff', 'CreateContainerConfigError'])(
    'waiting reason %s',
    (reason) => {
      const p = pod(one, { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason } } }] });
      expect(podSummary(p, NOW).status).toBe(reason);
    },
  );

  it('terminated reasons and exit codes', () => {
    const term = (t: object) => pod(one, { phase: 'Running', containerStatuses: [{ name: 'app', state: { terminated: t } }] });
    expect(podSummary(term({ exitCode: 137, reason: 'OOMKilled' }), NOW).status).toBe('OOMKilled');
    expect(podSummary(term({ exitCode: 1, reason: 'Error' }), NOW).status).toBe('Error');
    expect(podSummary(term({ exitCode: 0, reason: 'Completed' }), NOW).status).toBe('Completed');
    expect(podSummary(term({ exitCode: 2 }), NOW).status).toBe('ExitCode:2');
    expect(podSummary(term({ exitCode: 143, signal: 15 }), NOW).status).toBe('Signal:15');
  });

  it('the first container\u2019s reason wins (containers are walked last to first)', () => {
    const p = pod(two, {
      phase: 'Running',
      containerStatuses: [
        { name: 'a', state: { waiting: { reason: 'CrashLoopBackOff' } } },
        { name: 'b', state: { waiting: { reason: 'ImagePullBackOff' } } },
      ],
    });
    expect(podSummary(p, NOW).status).toBe('CrashLoopBackOff');
  });

  it('Completed with a container still running is Running when Ready, NotReady otherwise', () => {
    const statuses = [
      { name: 'a', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      { name: 'b', ready: true, state: { running: { startedAt: '2026-11-21T11:00:00Z' } } },
    ];
    const ready = pod(two, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: statuses });
    const notReady = pod(two, { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: statuses });
    expect(podSummary(ready, NOW)).toMatchObject({ ready: '1/2', status: 'Running' });
    expect(podSummary(notReady, NOW).status).toBe('NotReady');
  });

  it('init containers: Init:x/y, Init:<reason>, Init:ExitCode, PodInitializing', () => {
    const spec = { ...one, initContainers: [{ name: 'i1' }, { name: 'i2' }] };
    const done = { name: 'i1', state: { terminated: { exitCode: 0, reason: 'Completed' } } };
    const running = pod(spec, {
      phase: 'Pending',
      initContainerStatuses: [done, { name: 'i2', state: { running: { startedAt: '2026-11-21T11:00:00Z' } } }],
    });
    expect(podSummary(running, NOW).status).toBe('Init:1/2');
    const crash = pod(spec, {
      phase: 'Pending',
      initContainerStatuses: [{ name: 'i1', restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } }, { name: 'i2', state: { waiting: { reason: 'PodInitializing' } } }],
    });
    expect(podSummary(crash, NOW)).toEqual({ ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: '4' });
    const failed = pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 3 } } }] });
    expect(podSummary(failed, NOW).status).toBe('Init:ExitCode:3');
    const sig = pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 137, signal: 9 } } }] });
    expect(podSummary(sig, NOW).status).toBe('Init:Signal:9');
    const errored = pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 1, reason: 'Error' } } }] });
    expect(podSummary(errored, NOW).status).toBe('Init:Error');
    const waiting = pod(spec, {
      phase: 'Pending',
      initContainerStatuses: [done, { name: 'i2', state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      containerStatuses: [{ name: 'app', state: { waiting: { reason: 'PodInitializing' } } }],
    });
    expect(podSummary(waiting, NOW).status).toBe('PodInitializing');
  });

  it('a started sidecar counts towards READY and does not block initialization', () => {
    const spec = { ...one, initContainers: [{ name: 'proxy', restartPolicy: 'Always' }] };
    const p = pod(spec, {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [{ name: 'proxy', started: true, ready: true, restartCount: 2, state: { running: {} } }],
      containerStatuses: [{ name: 'app', ready: true, restartCount: 1, state: { running: { startedAt: '2026-11-21T11:00:00Z' } } }],
    });
    expect(podSummary(p, NOW)).toEqual({ ready: '2/2', status: 'Running', restarts: '3' });
  });

  it('Terminating while being deleted, but not once finished; Unknown for a lost node', () => {
    const running = { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, state: { running: {} } }] };
    expect(podSummary(pod(one, running, { deletionTimestamp: '2026-11-21T11:59:00Z' }), NOW).status).toBe('Terminating');
    const done = { phase: 'Succeeded', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] };
    expect(podSummary(pod(one, done, { deletionTimestamp: '2026-11-21T11:59:00Z' }), NOW).status).toBe('Completed');
    expect(podSummary(pod(one, { ...running, reason: 'NodeLost' }, { deletionTimestamp: '2026-11-21T11:59:00Z' }), NOW).status).toBe('Unknown');
  });

  it('Evicted: the pod reason beats the phase', () => {
    expect(podSummary(pod(one, { phase: 'Failed', reason: 'Evicted' }), NOW).status).toBe('Evicted');
  });
});

describe('pod RESTARTS', () => {
  it('adds "(age ago)" of the latest restart', () => {
    const p = pod(two, {
      phase: 'Running',
      containerStatuses: [
        { name: 'a', restartCount: 2, ready: true, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: '2026-11-21T11:58:00Z' } } },
        { name: 'b', restartCount: 1, ready: true, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: '2026-11-21T11:50:00Z' } } },
      ],
    });
    expect(podSummary(p, NOW)).toEqual({ ready: '2/2', status: 'Running', restarts: '3 (2m ago)' });
  });

  it('plain count without a last termination time', () => {
    const p = pod(one, { phase: 'Running', containerStatuses: [{ name: 'app', restartCount: 5, ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } }] });
    expect(podSummary(p, NOW).restarts).toBe('5');
  });
});

describe('pod rows', () => {
  it('wide cells: podIPs first, readiness gates counted, <none> placeholders', () => {
    const p = pod(
      { ...one, readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }] },
      { phase: 'Pending', podIP: '10.0.0.9', conditions: [{ type: 'example.com/lb', status: 'True' }] },
    );
    const table = buildTable({ kind: 'Pod' }, [p], { now: NOW });
    expect(table.rows[0].cells).toEqual(['p', '0/1', 'Pending', '0', '60m', '10.0.0.9', '<none>', '<none>', '1/2']);
  });

  it('Succeeded and Failed pods carry a Completed row condition', () => {
    const done = pod(one, { phase: 'Succeeded' });
    const table = buildTable({ kind: 'Pod' }, [done, pod(one, { phase: 'Failed' }), pod(one, { phase: 'Running' })], { now: NOW });
    expect(table.rows[0].conditions).toEqual([{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
    expect(table.rows[1].conditions?.[0].reason).toBe('Failed');
    expect(table.rows[2].conditions).toBeUndefined();
  });
});

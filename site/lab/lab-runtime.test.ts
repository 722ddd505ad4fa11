// The worker's runtime without a browser: a lab typed through the terminal, graded, saved and
// restored, reset, and the editor's writes reaching the shell.
import { afterEach, describe, expect, test } from 'vitest';
import { LabRuntime, type LabStore } from './lab-runtime.ts';
import type { FromWorker, GradeReport } from './protocol.ts';

const strip = (text: string) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

function memoryStore(): LabStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: async (key) => structuredClone(data.get(key)), set: async (key, value) => void data.set(key, structuredClone(value)) };
}

const running: LabRuntime[] = [];
afterEach(() => running.splice(0).forEach((r) => r.dispose()));

async function start(labId: string, store = memoryStore()) {
  const messages: FromWorker[] = [];
  const runtime = new LabRuntime({ post: (m) => messages.push(m), store, saveDelayMs: 10, viewDelayMs: 5, autoCheckDelayMs: 5 });
  running.push(runtime);
  await runtime.handle({ type: 'init', labId, columns: 120, rows: 30 });
  const screen = () => strip(messages.flatMap((m) => (m.type === 'output' ? [m.data] : [])).join(''));
  const typeLine = async (line: string) => {
    await runtime.handle({ type: 'input', data: `${line}\r` });
    await runtime.session!.idle();
    await new Promise((r) => setTimeout(r, 0));
  };
  const grade = async (): Promise<GradeReport> => {
    await runtime.handle({ type: 'check', hintsShown: {}, reason: 'manual' });
    const last = messages.filter((m) => m.type === 'grade').at(-1);
    if (last?.type !== 'grade') throw new Error('no grade');
    return last.report;
  };
  return { runtime, messages, screen, typeLine, grade, store };
}

describe('LabRuntime', () => {
  test('the tour lab: a prompt, commands typed, every check passes', async () => {
    const lab = await start('tour');
    const ready = lab.messages.find((m) => m.type === 'ready');
    expect(ready?.type === 'ready' && ready.lab.steps.length).toBe(5);
    expect(lab.screen()).toContain('learner@wheelhouse:~');
    expect((await lab.grade()).status).toBe('fail');
    await lab.typeLine('kubectl apply -f namespace.yaml');
    await lab.typeLine('kubectl label node wheelhouse-worker disk=ssd');
    lab.runtime.cluster!.advance(2_000);
    expect(lab.screen()).toContain('namespace/bookstore created');
    expect(lab.screen()).toContain('node/wheelhouse-worker labeled');
    const report = await lab.grade();
    expect(report.checks.map((c) => `${c.id}:${c.status}`)).toEqual(['namespace-exists:pass', 'node-labelled:pass']);
  });

  test('a wrong label fails with the field named', async () => {
    const lab = await start('tour');
    await lab.typeLine('kubectl label node wheelhouse-worker disk=SSD');
    const check = (await lab.grade()).checks.find((c) => c.id === 'node-labelled');
    expect(check?.status).toBe('fail');
    expect(check?.field).toBe('metadata.labels.disk');
  });

  test('files, history, cluster and screen survive a save and a restart', async () => {
    const first = await start('tour');
    await first.typeLine('kubectl create namespace saved-ns');
    await first.typeLine('echo hello > note.txt');
    await first.runtime.handle({ type: 'flush' });
    first.runtime.dispose();

    const second = await start('tour', first.store);
    const ready = second.messages.find((m) => m.type === 'ready');
    expect(ready?.type === 'ready' && ready.restored).toBe(true);
    expect(second.runtime.shell!.history()).toEqual(['kubectl create namespace saved-ns', 'echo hello > note.txt']);
    expect(second.runtime.fs!.readFile('/home/learner/note.txt')).toBe('hello\n');
    expect(second.screen()).toContain('namespace/saved-ns created');
    await second.typeLine('kubectl get ns saved-ns');
    expect(second.screen()).toMatch(/saved-ns\s+Active/);
  });

  test('the editor writes a file the shell reads; reset brings back the starter', async () => {
    const lab = await start('tour');
    await lab.runtime.handle({ type: 'write-file', path: '/home/learner/namespace.yaml', content: 'edited: true\n' });
    await lab.typeLine('cat namespace.yaml');
    expect(lab.screen()).toContain('edited: true');
    await lab.typeLine('kubectl create namespace bookstore');
    await lab.runtime.handle({ type: 'reset' });
    expect(lab.runtime.fs!.readFile('/home/learner/namespace.yaml')).not.toContain('edited');
    expect(() => lab.runtime.cluster!.client.get({ resource: 'namespaces' }, undefined, 'bookstore')).toThrow();
  });

  test('the rollout lab starts settled, and the view shows its pods on nodes', async () => {
    const lab = await start('rollout');
    const view = lab.messages.filter((m) => m.type === 'view').at(-1);
    if (view?.type !== 'view') throw new Error('no view');
    const pods = view.view.pods.filter((p) => p.namespace === 'rollout');
    expect(pods).toHaveLength(4);
    expect(pods.every((p) => p.ready && p.node)).toBe(true);
    expect(view.view.nodes.map((n) => n.name)).toContain('wheelhouse-worker');
  });
});

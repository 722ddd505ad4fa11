// `wheelhouse sim start` as the CLI runs it, and the kubeconfig writer it uses.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeIntoKubeconfig } from './kubeconfig.ts';
import { runSimStart } from './sim-start.ts';

const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-sim-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runSimStart', () => {
  it('prints how to use the server, runs until stopped, then saves the state', async () => {
    const out: string[] = [];
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const kubeconfig = join(dir, 'sim.kubeconfig');
    const state = join(dir, 'state.json');
    let url = '';
    const code = await runSimStart(['--port', '0', '--kubeconfig', kubeconfig, '--state', state], {
      out: (l) => out.push(l),
      err: (l) => out.push(`ERR ${l}`),
      stopped,
      onStarted: (server) => {
        url = server.url;
        stop();
      },
    });
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain(`listening on ${url}`);
    expect(text).toContain(`export KUBECONFIG=${kubeconfig}`);
    expect(text).toContain('kubectl get nodes');
    expect(text).toContain(`Stopped; cluster saved to ${state}.`);
    expect(JSON.parse(readFileSync(state, 'utf8')).format).toBe('wheelhouse-sim-state/v1');
    expect(parse(readFileSync(kubeconfig, 'utf8'))['current-context']).toBe('wheelhouse-sim');
  });

  it('rejects a bad port with exit code 2', async () => {
    const err: string[] = [];
    expect(await runSimStart(['--port', 'nope'], { out: () => {}, err: (l) => err.push(l) })).toBe(2);
    expect(err.join('\n')).toContain('must be a port number');
  });
});

describe('mergeIntoKubeconfig', () => {
  it("adds the wheelhouse-sim entries and switches to them, keeping the learner's other contexts", () => {
    const path = join(dir, 'config');
    writeFileSync(path, 'apiVersion: v1\nkind: Config\nclusters: [{name: kind-kind, cluster: {server: "https://127.0.0.1:1"}}]\nusers: [{name: kind-kind, user: {token: t}}]\ncontexts: [{name: kind-kind, context: {cluster: kind-kind, user: kind-kind}}]\ncurrent-context: kind-kind\n');
    const creds = { url: 'https://127.0.0.1:2', token: 'abc', caPem: 'PEM' };
    mergeIntoKubeconfig(path, creds);
    mergeIntoKubeconfig(path, creds); // twice: still one entry each
    const doc = parse(readFileSync(path, 'utf8'));
    expect(doc['current-context']).toBe('wheelhouse-sim');
    expect(doc.contexts.map((c: { name: string }) => c.name)).toEqual(['kind-kind', 'wheelhouse-sim']);
    expect(doc.users.find((u: { name: string }) => u.name === 'wheelhouse-sim').user.token).toBe('abc');
    expect(existsSync(path)).toBe(true);
  });
});

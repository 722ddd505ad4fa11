// The local shell bridge ("My cluster", npm start only): it accepts the dev server's origin with
// this run's token and refuses everything else; a real shell answers through node-pty when it is
// installed; the static build holds neither the token nor the bridge.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadNodePty, startBridge, type RunningBridge } from '../../site/bridge/server.ts';
import type { FromBridge } from '../../site/bridge/protocol.ts';
import { DIST } from './site-fixture.ts';

const ORIGIN = 'http://127.0.0.1:4321';
const TOKEN = 'a'.repeat(43);
// The learner's workspace stand-in: a temporary folder, not ./workspace.
const WORKSPACE = mkdtempSync(join(tmpdir(), 'wheelhouse-bridge-'));

type Outcome = { opened: true; socket: WebSocket; first: FromBridge } | { opened: false; status: number };

function connect(port: number, options: { origin?: string; token?: string; host?: string }): Promise<Outcome> {
  const query = options.token === undefined ? '' : `?token=${encodeURIComponent(options.token)}`;
  const headers: Record<string, string> = {};
  if (options.host) headers.host = options.host;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/${query}`, { origin: options.origin, headers });
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) => resolve({ opened: false, status: response.statusCode ?? 0 }));
    socket.once('message', (data) => resolve({ opened: true, socket, first: JSON.parse(String(data)) as FromBridge }));
    socket.once('error', (error) => reject(error));
  });
}

describe('the local shell bridge', () => {
  let bridge: RunningBridge;
  beforeAll(async () => {
    bridge = await startBridge({
      token: TOKEN,
      allowedOrigins: () => [ORIGIN],
      cwd: WORKSPACE,
      contexts: async () => ({ contexts: ['kind-wheelhouse'], current: 'kind-wheelhouse' }),
      grade: async (labId) => {
        throw new Error(`no cluster in this test (${labId})`);
      },
    });
  });
  afterAll(async () => bridge?.close());

  it('accepts the dev server origin with the token', async () => {
    const outcome = await connect(bridge.port, { origin: ORIGIN, token: TOKEN });
    expect(outcome.opened).toBe(true);
    if (!outcome.opened) return;
    expect(outcome.first).toMatchObject({ type: 'hello', contexts: ['kind-wheelhouse'], currentContext: 'kind-wheelhouse' });
    outcome.socket.close();
  });

  it('refuses another origin, even with the token', async () => {
    expect(await connect(bridge.port, { origin: 'https://evil.example', token: TOKEN })).toEqual({ opened: false, status: 403 });
    expect(await connect(bridge.port, { origin: 'http://localhost:9999', token: TOKEN })).toEqual({ opened: false, status: 403 });
    expect(await connect(bridge.port, { token: TOKEN })).toEqual({ opened: false, status: 403 });
  });

  it('refuses the right origin without the token, or with a wrong one', async () => {
    expect(await connect(bridge.port, { origin: ORIGIN })).toEqual({ opened: false, status: 401 });
    expect(await connect(bridge.port, { origin: ORIGIN, token: 'b'.repeat(43) })).toEqual({ opened: false, status: 401 });
    expect(await connect(bridge.port, { origin: ORIGIN, token: '' })).toEqual({ opened: false, status: 401 });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect(await connect(bridge.port, { origin: ORIGIN, token: TOKEN, host: `evil.example:${bridge.port}` })).toEqual({ opened: false, status: 403 });
  });

  it('reports a grading failure for the lab it was asked about', async () => {
    const outcome = await connect(bridge.port, { origin: ORIGIN, token: TOKEN });
    if (!outcome.opened) throw new Error('not opened');
    const reply = new Promise<FromBridge>((resolve) => outcome.socket.on('message', (data) => resolve(JSON.parse(String(data)) as FromBridge)));
    outcome.socket.send(JSON.stringify({ type: 'grade', id: 7, labId: 'tour', context: 'kind-wheelhouse' }));
    expect(await reply).toEqual({ type: 'grade-error', id: 7, message: 'no cluster in this test (tour)' });
    outcome.socket.close();
  });

  it('runs a real shell through node-pty when it is installed, and says why when it is not', async () => {
    const pty = await loadNodePty();
    const outcome = await connect(bridge.port, { origin: ORIGIN, token: TOKEN });
    if (!outcome.opened) throw new Error('not opened');
    const hello = outcome.first as Extract<FromBridge, { type: 'hello' }>;
    if (!('spawn' in pty)) {
      expect(hello.pty).toBe(false);
      expect(hello.ptyProblem).toContain('node-pty');
      outcome.socket.close();
      return;
    }
    expect(hello.pty).toBe(true);
    let output = '';
    const seen = new Promise<void>((resolve) =>
      outcome.socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as FromBridge;
        if (message.type === 'output') output += message.data;
        if (output.includes('bridge-ok-42')) resolve();
      }),
    );
    outcome.socket.send(JSON.stringify({ type: 'spawn', columns: 80, rows: 24, labId: 'tour' }));
    outcome.socket.send(JSON.stringify({ type: 'input', data: 'echo bridge-ok-$((40+2))\r' }));
    await seen;
    outcome.socket.close();
  });

  it('a bridge without node-pty says so in its hello', async () => {
    const noPty = await startBridge({ token: TOKEN, allowedOrigins: () => [ORIGIN], cwd: WORKSPACE, loadPty: async () => ({ problem: 'node-pty could not be loaded: Cannot find module' }) });
    const outcome = await connect(noPty.port, { origin: ORIGIN, token: TOKEN });
    expect(outcome.opened && outcome.first).toMatchObject({ type: 'hello', pty: false, ptyProblem: expect.stringContaining('node-pty') });
    if (outcome.opened) outcome.socket.close();
    await noPty.close();
  });
});

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.skipIf(!statSync(DIST, { throwIfNoEntry: false }))('the static build', () => {
  it('holds no bridge token and no bridge code', () => {
    const files = filesUnder(DIST).filter((file) => /\.(html|js|mjs|json)$/.test(file));
    expect(files.length).toBeGreaterThan(5);
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // The dev-only inline script (`globalThis.__wheelhouseBridge={"token":…}`) and the server's own code.
      for (const marker of ['__wheelhouseBridge={', '"token":"', 'WebSocketServer', 'timingSafeEqual', 'only speaks WebSocket', 'WHEELHOUSE_LAB', '/__wheelhouse/bridge']) {
        if (text.includes(marker)) offenders.push(`${file.slice(DIST.length)}: ${marker}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('the bridge under `npm start` (astro dev)', () => {
  const port = 4400 + Math.floor(Math.random() * 400);
  const origin = `http://127.0.0.1:${port}`;
  let dev: ChildProcess;
  let log = '';
  beforeAll(async () => {
    dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port)], {
      // Not vitest's environment (NODE_ENV=test, VITEST…): the dev server as `npm start` runs it.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_ENV|TEST)/.test(key))), ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    dev.stdout?.on('data', (d) => (log += String(d)));
    dev.stderr?.on('data', (d) => (log += String(d)));
    const deadline = Date.now() + 60_000;
    for (;;) {
      const status = await fetch(`${origin}/`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.status, (e: unknown) => String(e));
      if (status === 200) break;
      if (Date.now() > deadline) throw new Error(`astro dev did not start (${status}):\n${log}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }, 90_000);
  afterAll(() => {
    dev?.kill();
  });

  it('inlines a token into dev pages, tells the page the port, and the bridge checks both', async () => {
    const html = await (await fetch(`${origin}/02-containers-to-cluster/`)).text();
    const token = /__wheelhouseBridge=\{"token":"([A-Za-z0-9_-]+)"/.exec(html)?.[1];
    expect(token, 'the dev page carries the token').toBeTruthy();
    const where = await fetch(`${origin}/__wheelhouse/bridge`, { headers: { 'sec-fetch-site': 'same-origin' } });
    const { port: bridgePort } = (await where.json()) as { port: number };
    expect(bridgePort).not.toBe(port);
    expect((await fetch(`${origin}/__wheelhouse/bridge`, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);

    const good = await connect(bridgePort, { origin, token });
    expect(good.opened && good.first.type).toBe('hello');
    if (good.opened) good.socket.close();
    expect(await connect(bridgePort, { origin: 'http://127.0.0.1:1', token })).toEqual({ opened: false, status: 403 });
    expect(await connect(bridgePort, { origin })).toEqual({ opened: false, status: 401 });
  }, 60_000);
});

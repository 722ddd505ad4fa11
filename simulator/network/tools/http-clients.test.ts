import { describe, expect, it } from 'vitest';
import { ManualScheduler } from '../../shell/manual-scheduler.ts';
import { collectOutput } from '../../shell/streams.ts';
import { networkTestbed } from '../network-test-kit.ts';
import type { NetworkOrigin } from '../network.ts';
import { runCurl } from './curl.ts';
import { runNslookup } from './nslookup.ts';
import { runWget } from './wget.ts';

function bed() {
  const b = networkTestbed();
  b.runPod('default', 'client', { ip: '10.244.1.2' });
  b.runPod('default', 'slow', { ip: '10.244.1.3', labels: { app: 'slow' } });
  b.servers.get('slow')!.answer = () => ({ status: 200, body: 'late\n', delayMs: Infinity });
  b.runPod('default', 'web', { ip: '10.244.1.4', labels: { app: 'web' } });
  b.servers.get('web')!.answer = (path) => (path === '/missing' ? { status: 404, body: 'nope\n' } : { status: 200, body: 'hello\n', headers: { 'content-type': 'text/plain' } });
  b.createService('default', 'slow', { selector: { app: 'slow' }, ports: [{ port: 80 }] });
  b.createService('default', 'web', { selector: { app: 'web' }, ports: [{ port: 80 }] });
  return b;
}

/** Runs a tool to completion on a manual clock, moving time on until it returns. */
async function run(tool: typeof runCurl | typeof runWget | typeof runNslookup, args: string[], network: ReturnType<typeof bed>['network'], from: NetworkOrigin = { pod: { namespace: 'default', name: 'client' } }) {
  const scheduler = new ManualScheduler();
  const stdout = collectOutput();
  const stderr = collectOutput();
  const files = new Map<string, string>();
  const controller = new AbortController();
  let done = false;
  const started = scheduler.now();
  const status = Promise.resolve(
    tool({ args, network, from, stdout, stderr, scheduler, signal: controller.signal, writeFile: (p, c) => (files.set(p, c), undefined) }),
  ).then((s) => ((done = true), s));
  for (let i = 0; i < 400 && !done; i++) await scheduler.advance(1_000);
  if (!done) controller.abort();
  return { status: await status, out: stdout.text(), err: stderr.text(), files, tookMs: scheduler.now() - started };
}

describe('curl', () => {
  it('prints the body, -i headers, -f failures and -w codes', async () => {
    const { network } = bed();
    expect((await run(runCurl, ['-s', 'web'], network)).out).toBe('hello\n');
    expect((await run(runCurl, ['-i', 'web'], network)).out).toBe('HTTP/1.1 200 OK\r\ncontent-length: 6\r\ncontent-type: text/plain\r\n\r\nhello\n');
    const failed = await run(runCurl, ['-f', 'web/missing'], network);
    expect([failed.status, failed.err]).toEqual([22, 'curl: (22) The requested URL returned error: 404\n']);
    expect((await run(runCurl, ['-s', '-o', '/dev/null', '-w', '%{http_code}', 'web/missing'], network)).out).toBe('404');
    expect((await run(runCurl, ['ftp://web'], network)).err).toBe('curl: (1) Protocol "ftp" not supported\n');
  });

  it('waits on a server that never answers until -m, and on a dropped port until the kernel gives up', async () => {
    const { network } = bed();
    const hung = await run(runCurl, ['-m', '2', 'slow'], network);
    expect(hung.err).toBe('curl: (28) Operation timed out after 2000 milliseconds with 0 bytes received\n');
    expect(hung.status).toBe(28);
    const dropped = await run(runCurl, ['web:8080'], network);
    expect(dropped.err).toBe("curl: (28) Failed to connect to web port 8080 after 130000 ms: Couldn't connect to server\n");
    expect(dropped.tookMs).toBeGreaterThanOrEqual(130_000);
  });
});

describe('BusyBox wget and nslookup', () => {
  it('reports the transfer without -q, saves files, and fails with BusyBox wording', async () => {
    const { network } = bed();
    const verbose = await run(runWget, ['-O-', 'http://web/'], network);
    expect(verbose.out).toBe('hello\n');
    expect(verbose.err).toMatch(/^Connecting to web \(10\.96\.\d+\.\d+:80\)\nwriting to stdout\n-\s+100% \|\*+\|\s+6  0:00:00 ETA\nwritten to stdout\n$/);
    const saved = await run(runWget, ['-q', 'http://web/'], network);
    expect(saved.files.get('index.html')).toBe('hello\n');
    expect((await run(runWget, ['-qO-', 'web/missing'], network)).err).toBe('wget: server returned error: HTTP/1.1 404 Not Found\n');
    expect((await run(runWget, ['-q', '-T', '3', '-O-', 'slow'], network)).err).toBe('wget: download timed out\n');
  });

  it('walks the search path like BusyBox nslookup', async () => {
    const { network } = bed();
    const found = await run(runNslookup, ['web'], network);
    expect(found.out).toMatch(/^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10:53\n\nName:\tweb\.default\.svc\.cluster\.local\nAddress: 10\.96\.\d+\.\d+\n\n$/);
    const missing = await run(runNslookup, ['nope'], network);
    expect(missing.status).toBe(1);
    expect(missing.out).toContain("** server can't find nope.default.svc.cluster.local: NXDOMAIN\n");
  });
});

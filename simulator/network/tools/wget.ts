// BusyBox wget (1.36), the HTTP client in busybox- and alpine-based images: `wget -qO- URL` prints
// the body; without -q it reports "Connecting to …" and the transfer; failures use BusyBox's
// words ("bad address", "can't connect to remote host (IP): Connection refused").
import { parseOptions, UsageError } from '../../shell/commands/options.ts';
import { kernelConnectTimeoutMs, reasonPhrase, secondsToMs, waitFor, type NetworkToolContext } from './tool-context.ts';

const spec = {
  flags: 'qcsS',
  values: 'OTUYPo',
  long: {
    quiet: { key: 'q' },
    continue: { key: 'c' },
    spider: { key: 's' },
    'server-response': { key: 'S' },
    'output-document': { key: 'O', value: true },
    timeout: { key: 'T', value: true },
    'user-agent': { key: 'U', value: true },
    header: { key: 'header', value: true },
    'no-check-certificate': { key: 'no-check-certificate' },
    'post-data': { key: 'post-data', value: true },
    proxy: { key: 'Y', value: true },
  },
};

const usage = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n';
/** BusyBox's default network read timeout (-T). */
const defaultTimeoutMs = 900_000;

export async function runWget(ctx: NetworkToolContext): Promise<number> {
  let opts;
  try {
    opts = parseOptions(ctx.args, spec);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    ctx.stderr.write(`wget: ${error.message}\n${usage}`);
    return 1;
  }
  const url = opts.operands[0];
  if (!url) {
    ctx.stderr.write(usage);
    return 1;
  }
  const quiet = opts.has('q');
  const say = (text: string) => {
    if (!quiet) ctx.stderr.write(`${text}\n`);
  };
  const die = (text: string) => {
    ctx.stderr.write(`wget: ${text}\n`);
    return 1;
  };
  const timeout = secondsToMs(opts.last('T')) ?? defaultTimeoutMs;
  if (Number.isNaN(timeout)) return die(`invalid number '${opts.last('T')}'`);

  const headers: Record<string, string> = { 'user-agent': opts.last('U') ?? 'Wget', connection: 'close' };
  for (const h of opts.values.get('header') ?? []) {
    const colon = h.indexOf(':');
    if (colon > 0) headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
  }
  const method = opts.has('post-data') ? 'POST' : opts.has('s') ? 'HEAD' : 'GET';
  // BusyBox's TLS helper does not check certificates at all (it says so when it is asked to).
  const outcome = ctx.network.request(ctx.from, url, { method, headers, insecure: true });
  if (outcome.kind === 'bad-url') return die(outcome.reason === 'scheme' ? `not an http or ftp url: ${url}` : `bad address '${url}'`);
  if (outcome.kind === 'unresolved' || outcome.kind === 'no-address') return die(`bad address '${outcome.host}'`);

  const hostPort = `${outcome.ip}:${outcome.url.port}`;
  say(`Connecting to ${outcome.url.host} (${hostPort})`);
  const wait = async (ms: number): Promise<'ok' | 'timeout' | 'interrupted'> => {
    if (ms > timeout) return (await waitFor(timeout, ctx)) ? 'timeout' : 'interrupted';
    return (await waitFor(ms, ctx)) ? 'ok' : 'interrupted';
  };
  const connectError = async (ms: number, why: string): Promise<number> => {
    const r = await wait(ms);
    if (r === 'interrupted') return 130;
    return r === 'timeout' ? die('download timed out') : die(`can't connect to remote host (${outcome.ip}): ${why}`);
  };

  switch (outcome.kind) {
    case 'refused':
      return connectError(outcome.afterMs, 'Connection refused');
    case 'no-route':
      return connectError(outcome.afterMs, 'No route to host');
    case 'timeout':
      return connectError(kernelConnectTimeoutMs, 'Connection timed out');
    case 'reset':
    case 'tls-mismatch': {
      const r = await wait(outcome.afterMs);
      if (r === 'interrupted') return 130;
      return r === 'timeout' ? die('download timed out') : die('error getting response: Connection reset by peer');
    }
    case 'tls-untrusted':
      return die('error getting response: Connection reset by peer');
    case 'response': {
      const r = await wait(outcome.afterMs);
      if (r === 'interrupted') return 130;
      if (r === 'timeout') return die('download timed out');
      const { response } = outcome;
      if (opts.has('S')) {
        ctx.stderr.write(`  HTTP/1.1 ${response.status} ${reasonPhrase(response.status)}\n`);
        for (const [k, v] of Object.entries(response.headers ?? {})) ctx.stderr.write(`  ${k}: ${v}\n`);
      }
      if (response.status >= 400) return die(`server returned error: HTTP/1.1 ${response.status} ${reasonPhrase(response.status)}`);
      if (opts.has('s')) {
        say('remote file exists');
        return 0;
      }
      return deliver(ctx, opts.last('O'), outcome.url.path, response.body, say);
    }
  }
}

function deliver(ctx: NetworkToolContext, target: string | undefined, path: string, body: string, say: (text: string) => void): number {
  const progress = (name: string) => `${name.padEnd(20).slice(0, 20)} 100% |********************************| ${humanSize(body.length).padStart(5)}  0:00:00 ETA`;
  if (target === '-') {
    say('writing to stdout');
    ctx.stdout.write(body);
    say(progress('-'));
    say('written to stdout');
    return 0;
  }
  const name = target ?? (path.split('?')[0]!.split('/').pop() || 'index.html');
  say(`saving to '${name}'`);
  if (target !== '/dev/null') {
    const error = ctx.writeFile(name, body);
    if (error) {
      ctx.stderr.write(`wget: can't open '${name}': ${error}\n`);
      return 1;
    }
  }
  say(progress(name));
  say(`'${name}' saved`);
  return 0;
}

function humanSize(bytes: number): string {
  if (bytes < 1024 * 10) return String(bytes);
  return `${Math.round(bytes / 1024)}k`;
}

// curl (8.x) as the learner runs it, on their machine or in a container that has it: the body on
// stdout, curl's own error lines and exit codes for every way a connection fails.
import { parseOptions, UsageError } from '../../shell/commands/options.ts';
import type { HttpResponse } from '../../workloads/container-model.ts';
import type { RequestOutcome } from '../network.ts';
import { kernelConnectTimeoutMs, reasonPhrase, secondsToMs, waitFor, type NetworkToolContext } from './tool-context.ts';

export const curlVersion = '8.11.1';

const spec = {
  flags: 'sSiIfkLvO',
  values: 'moHXdwAu',
  long: {
    silent: { key: 's' },
    'show-error': { key: 'S' },
    include: { key: 'i' },
    head: { key: 'I' },
    fail: { key: 'f' },
    insecure: { key: 'k' },
    location: { key: 'L' },
    verbose: { key: 'v' },
    'max-time': { key: 'm', value: true },
    'connect-timeout': { key: 'connect-timeout', value: true },
    output: { key: 'o', value: true },
    header: { key: 'H', value: true },
    request: { key: 'X', value: true },
    data: { key: 'd', value: true },
    'write-out': { key: 'w', value: true },
    'user-agent': { key: 'A', value: true },
    user: { key: 'u', value: true },
  },
};

export interface CurlOptions {
  /** A line printed after a failed connection (the lab terminal points at kubectl exec). */
  hint?: (outcome: RequestOutcome) => string | undefined;
}

function tryHelp(ctx: NetworkToolContext, message: string): number {
  ctx.stderr.write(`curl: ${message}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
  return 2;
}

export async function runCurl(ctx: NetworkToolContext, options: CurlOptions = {}): Promise<number> {
  let opts;
  try {
    opts = parseOptions(ctx.args, spec);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const m = /'(-[^']*)'/.exec(error.message);
    return tryHelp(ctx, m ? `option ${m[1]}: is unknown` : error.message);
  }
  if (opts.has('O')) return tryHelp(ctx, 'option -O: is not supported in the simulated curl (use -o FILE)');
  const url = opts.operands[0];
  if (!url) return tryHelp(ctx, 'no URL specified');
  const silent = opts.has('s') && !opts.has('S');
  const connectTimeout = secondsToMs(opts.last('connect-timeout'));
  const maxTime = secondsToMs(opts.last('m'));
  if (Number.isNaN(connectTimeout) || Number.isNaN(maxTime)) return tryHelp(ctx, 'option: expected a proper numerical parameter');

  const headers: Record<string, string> = { 'user-agent': opts.last('A') ?? `curl/${curlVersion}`, accept: '*/*' };
  for (const h of opts.values.get('H') ?? []) {
    const colon = h.indexOf(':');
    if (colon > 0) headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
  }
  const method = opts.last('X') ?? (opts.has('I') ? 'HEAD' : opts.has('d') ? 'POST' : 'GET');
  const outcome = ctx.network.request(ctx.from, url, { method, headers, insecure: opts.has('k') });
  // Said at once (not after the wait), so a learner who presses Ctrl-C on a hanging curl sees it too.
  const hint = options.hint?.(outcome);
  if (hint && outcome.kind === 'timeout') ctx.stderr.write(`${hint}\n`);
  const host = 'url' in outcome ? outcome.url.host : '';
  const port = 'url' in outcome ? outcome.url.port : 0;

  const fail = (code: number, message: string): number => {
    if (!silent) ctx.stderr.write(`curl: (${code}) ${message}\n`);
    if (hint && outcome.kind !== 'timeout') ctx.stderr.write(`${hint}\n`);
    return code;
  };
  /** Waits for ms unless a timeout comes first; returns the timeout that fired, if one did. */
  const waitConnect = async (ms: number): Promise<'connect' | 'max' | 'interrupted' | undefined> => {
    const limit = Math.min(connectTimeout ?? Infinity, maxTime ?? Infinity);
    if (ms <= limit) return (await waitFor(ms, ctx)) ? undefined : 'interrupted';
    if (!(await waitFor(limit, ctx))) return 'interrupted';
    return (connectTimeout ?? Infinity) <= (maxTime ?? Infinity) ? 'connect' : 'max';
  };
  const connectFailure = async (ms: number, code: number, why: string): Promise<number> => {
    const fired = await waitConnect(ms);
    if (fired === 'interrupted') return interrupted();
    // The time curl reports is the time the failure took; a coarse host clock may wake us later.
    const took = fired ? Math.min(connectTimeout ?? Infinity, maxTime ?? Infinity) : ms;
    if (fired) return fail(28, `Failed to connect to ${host} port ${port} after ${took} ms: Timeout was reached`);
    return fail(code, `Failed to connect to ${host} port ${port} after ${took} ms: ${why}`);
  };

  switch (outcome.kind) {
    case 'bad-url':
      return outcome.reason === 'scheme' ? fail(1, `Protocol "${outcome.scheme}" not supported`) : fail(3, 'URL rejected: Malformed input to a URL function');
    case 'unresolved':
    case 'no-address':
      return fail(6, `Could not resolve host: ${outcome.host}`);
    case 'refused':
      return connectFailure(outcome.afterMs, 7, "Couldn't connect to server");
    case 'no-route':
      return connectFailure(outcome.afterMs, 7, "Couldn't connect to server");
    case 'timeout':
      return connectFailure(kernelConnectTimeoutMs, 28, "Couldn't connect to server");
    case 'reset': {
      if ((await waitConnect(outcome.afterMs)) === 'interrupted') return interrupted();
      return fail(56, 'Recv failure: Connection reset by peer');
    }
    case 'tls-mismatch':
      if (!(await waitFor(outcome.afterMs, ctx))) return interrupted();
      return fail(35, 'OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number');
    case 'tls-untrusted':
      if (!(await waitFor(outcome.afterMs, ctx))) return interrupted();
      if (!silent) {
        ctx.stderr.write(
          'curl: (60) SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\n' +
            'curl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\n' +
            'how to fix it, please visit the webpage mentioned above.\n',
        );
      }
      return 60;
    case 'response':
      return respond(ctx, outcome.response, outcome.afterMs, { opts, method, maxTime, fail });
  }
}

async function respond(
  ctx: NetworkToolContext,
  response: HttpResponse,
  afterMs: number,
  c: { opts: ReturnType<typeof parseOptions>; method: string; maxTime: number | undefined; fail: (code: number, message: string) => number },
): Promise<number> {
  const { opts } = c;
  if (c.maxTime !== undefined && afterMs > c.maxTime) {
    if (!(await waitFor(c.maxTime, ctx))) return interrupted();
    return c.fail(28, `Operation timed out after ${c.maxTime} milliseconds with 0 bytes received`);
  }
  if (!(await waitFor(afterMs, ctx))) return interrupted();
  if (opts.has('f') && response.status >= 400) return c.fail(22, `The requested URL returned error: ${response.status}`);
  const head = `HTTP/1.1 ${response.status} ${reasonPhrase(response.status)}\r\n${Object.entries({ 'content-length': String(response.body.length), ...(response.headers ?? {}) })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  const body = c.method === 'HEAD' ? '' : response.body;
  const text = opts.has('I') ? head : opts.has('i') ? head + body : body;
  const file = opts.last('o');
  if (file !== undefined && file !== '-') {
    if (file !== '/dev/null') {
      const error = ctx.writeFile(file, text);
      if (error) return c.fail(23, `Failure writing output to destination, passed ${text.length} returned 0`);
    }
  } else ctx.stdout.write(text);
  const writeOut = opts.last('w');
  if (writeOut !== undefined) ctx.stdout.write(formatWriteOut(writeOut, response));
  return 0;
}

function formatWriteOut(template: string, response: HttpResponse): string {
  return template
    .replace(/%\{(http_code|response_code)\}/g, String(response.status).padStart(3, '0'))
    .replace(/%\{size_download\}/g, String(response.body.length))
    .replace(/%\{content_type\}/g, response.headers?.['content-type'] ?? '')
    .replace(/\\n/g, '\n');
}

/** Ctrl-C: curl prints nothing and the shell reports 130. */
function interrupted(): number {
  return 130;
}

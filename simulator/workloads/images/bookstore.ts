// The Bookstore's own images (bookstore/images.ts): behaviour models of catalog, orders,
// payments-worker, storefront and migrations with the real services' endpoints, env vars,
// readiness rules, JSON log lines, identity headers and failure switches.
//
// Simplifications (see also bookstore/contract/simulator-target.ts):
// - Dependencies are judged from the env alone: a setting that is present and does not point at a
//   loopback address (127.0.0.1, localhost, ::1: nothing else listens inside the pod) counts as
//   reachable. A model cannot look up Services: ContainerProcess has no handle on the network.
// - The process is not told when SIGTERM arrives, so /readyz does not turn 503 during the
//   shutdown delay (the kubelet takes the pod out of the endpoints at that moment anyway).
//   It exits 0 after SHUTDOWN_DELAY_SECONDS; with the deadlock switch SIGTERM is ignored.
// - HTTP requests carry no body: POST /api/orders cannot be modelled and answers 400.
// - Caches, counters and stored orders live in the process object: a snapshot restore starts
//   them afresh (as a container restart would).
// - The storefront does not proxy /api/books and /api/orders (no network from a model): 502.
import type { ContainerInput, ContainerProcess, HttpRequest, HttpResponse, LogLine } from '../container-model.ts';
import { basicExec } from '../container-model.ts';
import type { ImageModel } from '../image-registry.ts';
import { bookstoreImages, type BookstoreService } from '../../../bookstore/images.ts';
import { ConfigError } from '../../../bookstore/services/shared/config.ts';
import type { ServiceIdentity } from '../../../bookstore/services/shared/identity.ts';
import { activeSwitches, failureModes, failureSwitchesFromEnv, type FailureMode, type FailureSwitches } from '../../../bookstore/services/shared/failure-switches.ts';

const hangMs = 24 * 60 * 60 * 1000;

const books = [
  ['b-001', 'Moby-Dick', 'Herman Melville', 1851, 1499, 'A whaling voyage, an obsession, a very large whale.'],
  ['b-002', 'Pride and Prejudice', 'Jane Austen', 1813, 999, 'Five sisters, one proud gentleman, a great many letters.'],
  ['b-003', 'Frankenstein', 'Mary Shelley', 1818, 899, 'A student builds a creature and cannot live with the result.'],
  ['b-004', 'The Time Machine', 'H. G. Wells', 1895, 799, 'A traveller visits the far future.'],
  ['b-005', 'Twenty Thousand Leagues Under the Seas', 'Jules Verne', 1870, 1199, 'Captain Nemo and his submarine.'],
  ['b-006', 'The Adventures of Sherlock Holmes', 'Arthur Conan Doyle', 1892, 1099, 'Twelve cases from Baker Street.'],
  ['b-007', 'Dracula', 'Bram Stoker', 1897, 999, 'A count moves to England.'],
  ['b-008', 'The Odyssey', 'Homer', null, 1299, 'The long way home from Troy.'],
  ['b-009', 'Middlemarch', 'George Eliot', 1871, 1399, 'A provincial town and its marriages.'],
  ['b-010', 'The War of the Worlds', 'H. G. Wells', 1898, 849, 'Martians land in Surrey.'],
  ['b-011', 'Little Women', 'Louisa May Alcott', 1868, 949, 'Four sisters grow up.'],
  ['b-012', 'Treasure Island', 'Robert Louis Stevenson', 1883, 799, 'A map, a parrot, a one-legged cook.'],
].map(([id, title, author, year, priceCents, description]) => ({ id, title, author, year, priceCents, description }));

// ---------- settings (bookstore/services/shared/config.ts, failure-switches.ts) ----------

type Env = Record<string, string>;

function setting(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

function num(env: Env, name: string, fallback: number): number {
  const n = Number(setting(env, name) ?? fallback);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

export type BookstoreSwitches = FailureSwitches;

/** The switches from env over the build's FAILURE_MODE default (baked into the tag), parsed as the
 * services parse them (bookstore/services/shared/failure-switches.ts). */
export function switchesFromEnv(env: Env, buildMode: FailureMode = 'none'): BookstoreSwitches {
  const given = setting(env, 'FAILURE_MODE') as FailureMode | undefined;
  const mode = given && failureModes.includes(given) ? given : buildMode;
  // A value the real service refuses throws ConfigError here; nodeService turns it into a start-up failure.
  return failureSwitchesFromEnv({ ...env, FAILURE_MODE: mode });
}

/** The real service refuses to start on a bad setting: it logs why and exits 1 (so: CrashLoopBackOff). */
function refusesToStart(service: BookstoreService, tagVersion: string, input: ContainerInput, error: ConfigError): ContainerProcess {
  const id = identityOf(service, tagVersion, input);
  const line: LogLine = { atMs: 20, text: pinoLine(id, 'fatal', input.startedAt + 20, {}, error.message) };
  return {
    exit: { afterMs: 30, exitCode: 1 },
    logs: (from, to) => (line.atMs > from && line.atMs <= to ? [line] : []),
    onSigterm: { afterMs: 100, exitCode: 143 },
    listens: () => false,
    exec: (command) => basicExec(command, input),
  };
}

// ---------- dependencies ----------

/** Why a dependency URL gets no answer, or undefined when it is taken to answer. */
export function unreachableReason(url: string, defaultPort: number): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d+))?/i.exec(url);
  if (!m) return `invalid URL ${url}`;
  const host = m[1]!.replace(/^\[|\]$/g, '');
  const port = m[2] ?? String(defaultPort);
  if (host === '') return `invalid URL ${url}`;
  if (/^(localhost|127\.\d+\.\d+\.\d+|::1)$/i.test(host)) return `connect ECONNREFUSED ${host === 'localhost' ? '127.0.0.1' : host}:${port}`;
  return undefined;
}

interface Check {
  name: string;
  ok: boolean;
  required: boolean;
  detail?: string;
}

function databaseUrl(env: Env): string | undefined {
  const url = setting(env, 'DATABASE_URL');
  if (url) return url;
  const host = setting(env, 'PGHOST');
  return host ? `postgres://${setting(env, 'PGUSER') ?? 'bookstore'}@${host.includes(':') ? `[${host}]` : host}:${setting(env, 'PGPORT') ?? '5432'}/${setting(env, 'PGDATABASE') ?? 'bookstore'}` : undefined;
}

function dependencyCheck(name: string, url: string | undefined, port: number, required: boolean, down: string): Check {
  if (!url) return { name, ok: false, required, detail: 'not configured' };
  const reason = unreachableReason(url, port);
  return reason ? { name, ok: false, required, detail: `${reason}${down}` } : { name, ok: true, required };
}

function missingOrdersConfig(env: Env): string[] {
  const missing: string[] = [];
  if (!setting(env, 'DATABASE_URL')) {
    if (!setting(env, 'PGHOST')) missing.push('PGHOST (or DATABASE_URL)');
    if (!setting(env, 'PGPASSWORD') && !setting(env, 'PGPASSWORD_FILE')) missing.push('PGPASSWORD or PGPASSWORD_FILE (or DATABASE_URL)');
  }
  if (!setting(env, 'CATALOG_URL')) missing.push('CATALOG_URL');
  if (!setting(env, 'AMQP_URL')) missing.push('AMQP_URL');
  return missing;
}

/** The dependency checks /readyz lists for one service (README: "required for readiness"). */
function dependencies(service: BookstoreService, env: Env): Check[] {
  const db = databaseUrl(env);
  const amqp = setting(env, 'AMQP_URL');
  switch (service) {
    case 'catalog': {
      const checks = [db ? dependencyCheck('postgres', db, 5432, true, '') : { name: 'postgres', ok: false, required: true, detail: 'not configured: set DATABASE_URL or PGHOST' }];
      const redis = setting(env, 'REDIS_URL');
      if (redis) {
        const c = dependencyCheck('redis', redis, 6379, false, '');
        checks.push(c.ok ? c : { ...c, detail: 'redis is reconnecting: serving without cache' });
      }
      return checks;
    }
    case 'orders': {
      const missing = missingOrdersConfig(env);
      const checks: Check[] = [missing.length ? { name: 'config', ok: false, required: true, detail: `missing settings: ${missing.join(', ')}` } : { name: 'config', ok: true, required: true }];
      if (db) checks.push(dependencyCheck('postgres', db, 5432, true, ''));
      if (amqp) {
        const c = dependencyCheck('rabbitmq', amqp, 5672, false, '');
        checks.push(c.ok ? c : { ...c, detail: 'not connected: events wait in the outbox' });
      }
      return checks;
    }
    case 'payments-worker': {
      if (!db || !amqp) {
        const missing = [!db && 'DATABASE_URL or PGHOST', !amqp && 'AMQP_URL'].filter(Boolean).join(', ');
        return [{ name: 'config', ok: false, required: true, detail: `missing settings: ${missing}` }];
      }
      const c = dependencyCheck('rabbitmq', amqp, 5672, true, '');
      return [dependencyCheck('postgres', db, 5432, true, ''), c.ok ? c : { ...c, detail: 'not consuming: reconnecting to rabbitmq' }];
    }
    default:
      return [];
  }
}

// ---------- logs ----------

const levels = { debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

/** The services' own identity shape (bookstore/services/shared/identity.ts), for one of our services. */
type Identity = ServiceIdentity & { service: BookstoreService };

function identityOf(service: BookstoreService, tagVersion: string, input: ContainerInput): Identity {
  const env = input.env;
  return {
    service,
    version: setting(env, 'APP_VERSION') ?? tagVersion,
    pod: setting(env, 'POD_NAME') ?? input.hostname,
    namespace: setting(env, 'POD_NAMESPACE') ?? 'default',
    node: setting(env, 'NODE_NAME') ?? 'unknown',
    color: setting(env, 'COLOR') ?? '#2563eb',
    message: setting(env, 'MESSAGE') ?? '',
    startedAt: new Date(input.startedAt).toISOString(),
  };
}

/** One pino line: level, time, the identity, the fields and msg. */
function pinoLine(id: Identity, level: keyof typeof levels, atEpochMs: number, fields: Record<string, unknown>, msg: string): string {
  return JSON.stringify({ level: levels[level], time: new Date(atEpochMs).toISOString(), service: id.service, version: id.version, pod: id.pod, ...fields, msg });
}

// ---------- the HTTP service every Bookstore process shares ----------

interface ServiceState {
  requests: Map<string, number>;
  cache: Set<string>;
  errorCounter: number;
}

function json(id: Identity, status: number, body: Record<string, unknown>, extra: Record<string, string> = {}): HttpResponse {
  return {
    status,
    body: JSON.stringify({ ...body, service: id.service, pod: id.pod, version: id.version }),
    headers: { 'content-type': 'application/json', 'x-served-by': id.pod, 'x-app-version': id.version, ...extra },
  };
}

function route(service: BookstoreService, path: string, method: string): string {
  if (['/healthz', '/readyz', '/metrics', '/api/info'].includes(path)) return path;
  if (service === 'catalog' && path === '/api/books') return '/api/books';
  if (service === 'catalog' && /^\/api\/books\/[^/]+$/.test(path)) return '/api/books/:id';
  if (service === 'orders' && path === '/api/orders') return '/api/orders';
  if (service === 'orders' && /^\/api\/orders\/[^/]+$/.test(path) && method === 'GET') return '/api/orders/:id';
  return 'unmatched';
}

function metricsText(id: Identity, s: BookstoreSwitches, state: ServiceState, elapsed: number): string {
  const svc = `service="${id.service}"`;
  const grownMb = growthMb(s, elapsed);
  const rss = 60 * 1024 * 1024 + Math.round(grownMb * 1024 * 1024);
  const lines = [
    '# HELP process_resident_memory_bytes Resident memory size in bytes.',
    '# TYPE process_resident_memory_bytes gauge',
    `process_resident_memory_bytes{${svc}} ${rss}`,
    '# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.',
    '# TYPE process_start_time_seconds gauge',
    `process_start_time_seconds{${svc}} ${Math.floor(Date.parse(id.startedAt) / 1000)}`,
    '# HELP bookstore_app_info Always 1; labels say which version runs in which pod.',
    '# TYPE bookstore_app_info gauge',
    `bookstore_app_info{version="${id.version}",pod="${id.pod}",${svc}} 1`,
    '# HELP bookstore_failure_switch Failure switches turned on by env (value: the setting).',
    '# TYPE bookstore_failure_switch gauge',
    ...Object.entries(activeSwitches(s)).map(([name, v]) => `bookstore_failure_switch{switch="${name}",${svc}} ${typeof v === 'number' ? v : 1}`),
    '# HELP http_requests_total HTTP requests answered.',
    '# TYPE http_requests_total counter',
    ...[...state.requests].map(([key, n]) => `http_requests_total{${key},${svc}} ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Memory held by MEMORY_GROWTH_MB_PER_MINUTE: grows once a second, up to the limit if any. */
function growthMb(s: BookstoreSwitches, elapsed: number): number {
  if (s.memoryGrowthMbPerMinute <= 0) return 0;
  const grown = Math.floor(elapsed / 1000) * (s.memoryGrowthMbPerMinute / 60);
  return s.memoryGrowthLimitMb > 0 ? Math.min(grown, Math.ceil(s.memoryGrowthLimitMb / (s.memoryGrowthMbPerMinute / 60)) * (s.memoryGrowthMbPerMinute / 60)) : grown;
}

function query(path: string): { path: string; params: URLSearchParams } {
  const [p, q = ''] = path.split('?') as [string, string?];
  return { path: p, params: new URLSearchParams(q) };
}

function appRoutes(service: BookstoreService, id: Identity, state: ServiceState, req: HttpRequest, deps: Check[]): HttpResponse | undefined {
  const { path, params } = query(req.path);
  if (service === 'catalog') {
    const dbUp = deps.find((c) => c.name === 'postgres')?.ok ?? false;
    const redisUp = deps.find((c) => c.name === 'redis')?.ok;
    const cached = (key: string): string => {
      if (redisUp === undefined) return 'BYPASS';
      if (!redisUp) return 'MISS';
      if (state.cache.has(key)) return 'HIT';
      state.cache.add(key);
      return 'MISS';
    };
    if (path === '/api/books' && req.method === 'GET') {
      const limit = params.get('limit') ? Number(params.get('limit')) : 20;
      const offset = params.get('offset') ? Number(params.get('offset')) : 0;
      if (!Number.isInteger(limit) || limit < 0 || limit > 100 || !Number.isInteger(offset) || offset < 0) return json(id, 400, { error: 'limit must be 0..100 and offset a whole number' });
      if (!dbUp) return json(id, 500, { error: 'internal error' });
      const q = params.get('q')?.trim().toLowerCase() ?? '';
      const found = books.filter((b) => !q || String(b.title).toLowerCase().includes(q) || String(b.author).toLowerCase().includes(q)).sort((a, b) => String(a.title).localeCompare(String(b.title)));
      const cache = cached(`books:list:${q}:${limit}:${offset}`);
      return json(id, 200, { books: found.slice(offset, offset + limit), total: found.length, limit, offset }, { 'x-cache': cache });
    }
    const one = /^\/api\/books\/([^/]+)$/.exec(path);
    if (one && req.method === 'GET') {
      if (!dbUp) return json(id, 500, { error: 'internal error' });
      const bookId = decodeURIComponent(one[1]!);
      const cache = cached(`books:one:${bookId}`);
      const book = books.find((b) => b.id === bookId);
      return book ? json(id, 200, { book }, { 'x-cache': cache }) : json(id, 404, { error: `no book with id ${bookId}` }, { 'x-cache': cache });
    }
  }
  if (service === 'orders') {
    const dbUp = deps.find((c) => c.name === 'postgres')?.ok ?? false;
    if (path === '/api/orders' && req.method === 'POST') return json(id, 400, { error: 'body must be a JSON object' });
    if (path === '/api/orders' && req.method === 'GET') {
      const email = params.get('email');
      if (!email) return json(id, 400, { error: 'add ?email= to list orders' });
      return dbUp ? json(id, 200, { orders: [] }) : json(id, 500, { error: 'internal error' });
    }
    const one = /^\/api\/orders\/([^/]+)$/.exec(path);
    if (one && req.method === 'GET') return json(id, 404, { error: `no order with id ${decodeURIComponent(one[1]!)}` });
  }
  return undefined;
}

/** A Node Bookstore service (catalog, orders, payments-worker) as a process. */
function nodeService(service: BookstoreService, tagVersion: string, buildMode: FailureMode, input: ContainerInput): ContainerProcess {
  const env = input.env;
  const id = identityOf(service, tagVersion, input);
  let s: BookstoreSwitches;
  try {
    s = switchesFromEnv(env, buildMode);
  } catch (error) {
    if (error instanceof ConfigError) return refusesToStart(service, tagVersion, input, error);
    throw error;
  }
  const port = num(env, 'PORT', 8080);
  const debug = (setting(env, 'LOG_LEVEL') ?? 'info') === 'debug';
  const openAt = s.startupDelaySeconds * 1000 + 150;
  const deadlockAt = s.deadlockAfterSeconds > 0 ? s.deadlockAfterSeconds * 1000 : Infinity;
  const shutdownDelayMs = num(env, 'SHUTDOWN_DELAY_SECONDS', 5) * 1000;
  const shutdownTimeoutMs = num(env, 'SHUTDOWN_TIMEOUT_SECONDS', 20) * 1000;
  const deps = dependencies(service, env);
  const state: ServiceState = { requests: new Map(), cache: new Set(), errorCounter: 0 };
  const at = (ms: number) => input.startedAt + ms;

  // Exits: the crash switch, or OOMKilled when the held memory passes the container's limit.
  let exit: ContainerProcess['exit'];
  if (s.crashAfterSeconds > 0) exit = { afterMs: s.crashAfterSeconds * 1000, exitCode: 1 };
  if (input.memoryLimitBytes && s.memoryGrowthMbPerMinute > 0) {
    const headroomMb = (input.memoryLimitBytes - 60 * 1024 * 1024) / (1024 * 1024);
    const perSecond = s.memoryGrowthMbPerMinute / 60;
    const seconds = Math.max(1, Math.ceil(headroomMb / perSecond));
    const capped = s.memoryGrowthLimitMb > 0 && s.memoryGrowthLimitMb < headroomMb;
    if (!capped && (!exit || seconds * 1000 < exit.afterMs)) exit = { afterMs: seconds * 1000, exitCode: 137, reason: 'OOMKilled' };
  }

  const lines: LogLine[] = [{ atMs: 20, text: pinoLine(id, 'info', at(20), { port, failure_mode: s.mode, failure_switches: activeSwitches(s) }, 'starting') }];
  if (s.cpuBurnThreads > 0) lines.push({ atMs: 21, text: pinoLine(id, 'warn', at(21), { switch: 'CPU_BURN_THREADS', threads: s.cpuBurnThreads }, 'burning CPU in worker threads') });
  if (s.startupDelaySeconds > 0) lines.push({ atMs: 22, text: pinoLine(id, 'info', at(22), { seconds: s.startupDelaySeconds }, 'slow start: port stays closed until start-up finishes') });
  const missing = deps.find((c) => c.name === 'config' && !c.ok);
  if (missing) lines.push({ atMs: 23, text: pinoLine(id, 'error', at(23), { missing: missing.detail }, `configuration incomplete: ${service} will not become ready`) });
  if (service === 'catalog' && !databaseUrl(env)) lines.push({ atMs: 23, text: pinoLine(id, 'error', at(23), {}, 'no database configured (DATABASE_URL or PGHOST): the catalog will never be ready') });
  lines.push({ atMs: openAt, text: pinoLine(id, 'info', at(openAt), { port }, 'listening') });
  for (const [n, c] of deps.entries()) {
    if (!c.ok && c.name !== 'config') lines.push({ atMs: openAt + 1000 + n, text: pinoLine(id, 'warn', at(openAt + 1000 + n), { dependency: c.name, err: c.detail }, `${c.name} not answering`) });
  }
  if (exit?.exitCode === 1) lines.push({ atMs: exit.afterMs, text: pinoLine(id, 'fatal', at(exit.afterMs), { switch: 'CRASH_AFTER_SECONDS', seconds: s.crashAfterSeconds }, 'simulated crash: exiting with code 1') });
  if (deadlockAt < Infinity) lines.push({ atMs: deadlockAt, text: pinoLine(id, 'error', at(deadlockAt), { switch: 'DEADLOCK_AFTER_SECONDS', seconds: s.deadlockAfterSeconds }, 'simulated deadlock: the main thread stops here') });
  lines.sort((a, b) => a.atMs - b.atMs);

  const record = (req: HttpRequest, res: HttpResponse, elapsed: number): HttpResponse => {
    const r = route(service, query(req.path).path, req.method);
    const key = `method="${req.method}",route="${r}",status="${res.status}"`;
    state.requests.set(key, (state.requests.get(key) ?? 0) + 1);
    const quiet = r === '/healthz' || r === '/readyz' || r === '/metrics';
    if (quiet && !debug) return res;
    const line = pinoLine(id, quiet ? 'debug' : 'info', at(elapsed), { method: req.method, route: r, path: query(req.path).path, status: res.status, duration_ms: res.delayMs ?? 1, request_id: req.headers['x-request-id'] ?? `${id.pod}-${elapsed}` }, 'request');
    return { ...res, log: [line] };
  };

  return {
    exit,
    logs: (from, to) => lines.filter((l) => l.atMs > from && l.atMs <= to),
    onSigterm:
      deadlockAt < Infinity
        ? 'ignore'
        : {
            afterMs: Math.min(shutdownDelayMs + 50, shutdownTimeoutMs),
            exitCode: shutdownDelayMs + 50 > shutdownTimeoutMs ? 1 : 0,
          },
    listens: (p, elapsed) => p === port && elapsed >= openAt,
    http(req, elapsed) {
      if (elapsed >= deadlockAt) return { status: 0, body: '', delayMs: hangMs };
      const { path } = query(req.path);
      const app = path.startsWith('/api/') && path !== '/api/info';
      if (app && s.errorRate > 0) {
        // Deterministic stand-in for Math.random(): an evenly spread sequence.
        state.errorCounter += 1;
        const draw = (state.errorCounter * 0.6180339887) % 1;
        if (s.errorRate >= 1 || draw < s.errorRate) return record(req, { ...json(id, 500, { error: 'injected failure (ERROR_RATE)' }), delayMs: s.extraLatencyMs || undefined }, elapsed);
      }
      let res: HttpResponse;
      if (path === '/healthz' && req.method === 'GET') {
        res = s.failLiveness ? json(id, 503, { status: 'failing', detail: 'failure switch FAIL_LIVENESS is on' }) : json(id, 200, { status: 'ok' });
      } else if (path === '/readyz' && req.method === 'GET') {
        const checks: Check[] = [
          { name: 'startup', ok: true, required: true },
          { name: 'shutdown', ok: true, required: true },
        ];
        if (s.neverReady) checks.push({ name: 'never-ready', ok: false, required: true, detail: 'this build never becomes ready (NEVER_READY)' });
        if (s.failReadiness) checks.push({ name: 'failure-switch', ok: false, required: true, detail: 'failure switch FAIL_READINESS is on' });
        checks.push(...deps);
        const ready = checks.every((c) => c.ok || !c.required);
        res = json(id, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
      } else if (path === '/metrics' && req.method === 'GET') {
        res = { status: 200, body: metricsText(id, s, state, elapsed), headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'x-served-by': id.pod, 'x-app-version': id.version } };
      } else if (path === '/api/info' && req.method === 'GET') {
        res = json(id, 200, { namespace: id.namespace, node: id.node, startedAt: id.startedAt, color: id.color, message: id.message, failureMode: s.mode, failureSwitches: activeSwitches(s) });
      } else {
        res = appRoutes(service, id, state, req, deps) ?? json(id, 404, { error: `no route for ${req.method} ${path}` });
      }
      if (app && s.extraLatencyMs > 0) res = { ...res, delayMs: s.extraLatencyMs };
      return record(req, res, elapsed);
    },
    exec: (command) => basicExec(command, input),
  };
}

/** The storefront: nginx with its own health and info endpoints (default.conf.template). */
function storefront(tagVersion: string, input: ContainerInput): ContainerProcess {
  const version = setting(input.env, 'APP_VERSION') ?? tagVersion;
  const pod = input.hostname;
  const color = setting(input.env, 'COLOR') ?? '';
  const ids = { 'x-served-by': pod, 'x-app-version': version };
  const jsonRes = (body: Record<string, unknown>): HttpResponse => ({ status: 200, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...ids } });
  return {
    logs: (from, to) => [{ atMs: 10, text: '/docker-entrypoint.sh: Configuration complete; ready for start up' }].filter((l) => l.atMs > from && l.atMs <= to),
    onSigterm: { afterMs: 200, exitCode: 0 },
    listens: (p, elapsed) => p === 8080 && elapsed >= 50,
    http(req) {
      const { path } = query(req.path);
      if (path === '/healthz') return jsonRes({ status: 'ok', service: 'storefront', pod, version });
      if (path === '/readyz') return jsonRes({ status: 'ready', service: 'storefront', pod, version });
      if (path === '/api/info') return jsonRes({ service: 'storefront', pod, version, color });
      if (path === '/metrics') return { status: 200, body: `bookstore_app_info{service="storefront",version="${version}",pod="${pod}"} 1\n`, headers: { 'content-type': 'text/plain; version=0.0.4' } };
      if (path === '/api/catalog-info' || path.startsWith('/api/books') || path.startsWith('/api/orders')) {
        return { status: 502, body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n', headers: { 'content-type': 'text/html', 'x-storefront-pod': pod } };
      }
      return { status: 200, body: `<!doctype html><html><head><title>Bookstore</title></head><body><h1>Bookstore</h1><p>Served by ${pod}, version ${version}</p></body></html>\n`, headers: { 'content-type': 'text/html', 'cache-control': 'no-cache', ...ids } };
    },
    exec: (command) => basicExec(command, input),
  };
}

/** The migration Job: waits for Postgres, applies 001 and 002, exits 0. */
function migrations(tagVersion: string, input: ContainerInput): ContainerProcess {
  const id = identityOf('migrations', tagVersion, input);
  const at = (ms: number) => input.startedAt + ms;
  const db = databaseUrl(input.env);
  const lines: LogLine[] = [];
  let exit: ContainerProcess['exit'];
  if (!db) {
    lines.push({ atMs: 100, text: pinoLine(id, 'fatal', at(100), {}, 'no database configured: set DATABASE_URL or PGHOST (with PGUSER, PGPASSWORD or PGPASSWORD_FILE)') });
    exit = { afterMs: 100, exitCode: 2 };
  } else {
    const reason = unreachableReason(db, 5432);
    if (reason) {
      const waitMs = num(input.env, 'WAIT_FOR_DATABASE_SECONDS', 60) * 1000;
      for (let t = 200; t <= waitMs; t += 1000) lines.push({ atMs: t, text: pinoLine(id, 'info', at(t), { err: reason }, 'waiting for the database') });
      lines.push({ atMs: waitMs + 1200, text: pinoLine(id, 'fatal', at(waitMs + 1200), { err: reason }, 'database not reachable') });
      exit = { afterMs: waitMs + 1200, exitCode: 1 };
    } else {
      lines.push({ atMs: 900, text: pinoLine(id, 'info', at(900), { applied: ['001_schema.sql', '002_seed_books.sql'] }, 'migrations applied') });
      exit = { afterMs: 1000, exitCode: 0 };
    }
  }
  return {
    exit,
    logs: (from, to) => lines.filter((l) => l.atMs > from && l.atMs <= to),
    onSigterm: { afterMs: 100, exitCode: 143 },
    listens: () => false,
    exec: (command) => basicExec(command, input),
  };
}

/** Builds the process for one image row of bookstore/images.ts. */
export function bookstoreProcess(service: BookstoreService, version: string, input: ContainerInput): ContainerProcess {
  const row = bookstoreImages.find((r) => r.service === service && r.version === version);
  const mode = (row?.buildArgs.FAILURE_MODE ?? 'none') as FailureMode;
  if (service === 'storefront') return storefront(version, input);
  if (service === 'migrations') return migrations(version, input);
  return nodeService(service, version, mode, input);
}

const sizes: Record<BookstoreService, number> = { catalog: 58_000_000, orders: 61_000_000, 'payments-worker': 60_000_000, storefront: 21_000_000, migrations: 56_000_000 };

/** One registry entry per repository; only built tags exist (catalog:1.6 does not). */
export const bookstoreImageModels: Array<[string, ImageModel]> = [...new Set(bookstoreImages.map((r) => r.service))].map((service) => [
  `bookstore/${service}`,
  {
    tags: bookstoreImages.filter((r) => r.service === service && r.built).map((r) => r.version),
    sizeBytes: sizes[service],
    pullMs: 2_000,
    behaviour: { start: (input) => bookstoreProcess(service, input.imageTag ?? 'latest', input) },
  },
]);

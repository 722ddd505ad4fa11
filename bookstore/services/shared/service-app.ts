// The part of the HTTP app every Bookstore service shares: identity headers and fields, request
// logs and metrics, the request-level failure switches, and /healthz, /readyz, /metrics, /api/info.
// A service builds this app, then adds its own /api/ routes to it.
import { Hono, type Context } from 'hono';
import { routePath } from 'hono/route';
import { randomUUID } from 'node:crypto';
import type { Env } from './config.ts';
import type { ServiceIdentity } from './identity.ts';
import { identityFromEnv, servedByHeader, versionHeader } from './identity.ts';
import { HealthState } from './health.ts';
import { createMetrics, type ServiceMetrics } from './metrics.ts';
import { createLogger, type Logger } from './logger.ts';
import { activeSwitches, failureSwitchesFromEnv, type FailureSwitches } from './failure-switches.ts';

export interface ServiceContext {
  identity: ServiceIdentity;
  health: HealthState;
  metrics: ServiceMetrics;
  log: Logger;
  switches: FailureSwitches;
  /** Injected so tests can decide which requests the error-rate switch hits. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** What every service's main starts from: who it is, its logger, failure switches, health and metrics. */
export function serviceContextFromEnv(service: string, env: Env): ServiceContext {
  const identity = identityFromEnv(service, env);
  const log = createLogger(identity, env.LOG_LEVEL ?? 'info');
  const switches = failureSwitchesFromEnv(env);
  const health = new HealthState(switches);
  return { identity, log, switches, health, metrics: createMetrics(identity, switches) };
}

type JsonBody = Record<string, unknown>;

/** Sends JSON with who answered: every body carries service, pod and version. */
export function reply(c: Context, identity: ServiceIdentity, body: JsonBody, status: 200 | 201 | 202 | 400 | 404 | 409 | 422 | 500 | 502 | 503 | 504 = 200): Response {
  return c.json({ ...body, service: identity.service, pod: identity.pod, version: identity.version }, status);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Routes under /api/ are the app's own; the failure switches for latency and errors hit only those. */
function isAppRoute(path: string): boolean {
  return path.startsWith('/api/') && path !== '/api/info';
}

export function createServiceApp(ctx: ServiceContext): Hono {
  const { identity, health, metrics, log, switches } = ctx;
  const random = ctx.random ?? Math.random;
  const sleep = ctx.sleep ?? defaultSleep;
  const app = new Hono();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = c.req.header('x-request-id') ?? randomUUID();
    c.header(servedByHeader, identity.pod);
    c.header(versionHeader, identity.version);
    c.header('X-Request-Id', requestId);
    if (isAppRoute(c.req.path)) {
      if (switches.extraLatencyMs > 0) await sleep(switches.extraLatencyMs);
      if (switches.errorRate > 0 && random() < switches.errorRate) {
        c.res = reply(c, identity, { error: 'injected failure (ERROR_RATE)' }, 500);
        record(c, started, requestId);
        return;
      }
    }
    await next();
    record(c, started, requestId);
  });

  function record(c: Context, started: number, requestId: string): void {
    const template = routePath(c, -1);
    const route = template === '*' || template === '/*' ? 'unmatched' : template;
    const labels = { method: c.req.method, route, status: String(c.res.status) };
    const seconds = (performance.now() - started) / 1000;
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, seconds);
    // Probes and scrapes every few seconds would drown the interesting lines: log them at debug.
    const level = route === '/healthz' || route === '/readyz' || route === '/metrics' ? 'debug' : 'info';
    log[level]({ method: c.req.method, route, path: c.req.path, status: c.res.status, duration_ms: Math.round(seconds * 1000), request_id: requestId }, 'request');
  }

  app.get('/healthz', (c) => {
    const { alive, detail } = health.liveness();
    return reply(c, identity, { status: alive ? 'ok' : 'failing', detail }, alive ? 200 : 503);
  });

  app.get('/readyz', async (c) => {
    const report = await health.readiness();
    return reply(c, identity, { status: report.ready ? 'ready' : 'not ready', checks: report.checks }, report.ready ? 200 : 503);
  });

  app.get('/metrics', async (c) => {
    c.header('Content-Type', metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });

  app.get('/api/info', (c) =>
    reply(c, identity, {
      namespace: identity.namespace,
      node: identity.node,
      startedAt: identity.startedAt,
      color: identity.color,
      message: identity.message,
      failureMode: switches.mode,
      failureSwitches: activeSwitches(switches),
    }),
  );

  app.onError((error, c) => {
    log.error({ err: error, path: c.req.path }, 'unhandled error');
    return reply(c, identity, { error: 'internal error' }, 500);
  });

  app.notFound((c) => reply(c, identity, { error: `no route for ${c.req.method} ${c.req.path}` }, 404));

  return app;
}

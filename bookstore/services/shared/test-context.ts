// A service context for handler tests: no network, no real clock, logs kept in memory.
import { Writable } from 'node:stream';
import { failureSwitchesFromEnv } from './failure-switches.ts';
import { HealthState } from './health.ts';
import { identityFromEnv } from './identity.ts';
import { createLogger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { createServiceApp, type ServiceContext } from './service-app.ts';

export function testContext(service: string, env: Record<string, string> = {}, options: Partial<Pick<ServiceContext, 'random' | 'sleep'>> = {}) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const identity = identityFromEnv(service, { APP_VERSION: '1.2.3', POD_NAME: `${service}-abc`, ...env });
  const switches = failureSwitchesFromEnv(env);
  const health = new HealthState(switches, 200);
  const metrics = createMetrics(identity, switches, { defaults: false });
  const log = createLogger(identity, 'debug', sink);
  const ctx: ServiceContext = { identity, switches, health, metrics, log, ...options };
  return { ctx, app: createServiceApp(ctx), lines };
}

// Prometheus metrics: one registry per service instance (tests build many side by side), the
// process defaults, HTTP traffic labelled by route template (bounded cardinality), and app_info.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ServiceIdentity } from './identity.ts';
import { activeSwitches, type FailureSwitches } from './failure-switches.ts';

export interface ServiceMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
}

export function createMetrics(identity: ServiceIdentity, switches: FailureSwitches, options: { defaults?: boolean } = {}): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: identity.service });
  if (options.defaults !== false) collectDefaultMetrics({ register: registry });

  const info = new Gauge({ name: 'bookstore_app_info', help: 'Always 1; labels say which version runs in which pod.', labelNames: ['version', 'pod'], registers: [registry] });
  info.set({ version: identity.version, pod: identity.pod }, 1);

  const failure = new Gauge({ name: 'bookstore_failure_switch', help: 'Failure switches turned on by env (value: the setting).', labelNames: ['switch'], registers: [registry] });
  for (const [name, value] of Object.entries(activeSwitches(switches))) failure.set({ switch: name }, typeof value === 'number' ? value : 1);

  return {
    registry,
    httpRequests: new Counter({ name: 'http_requests_total', help: 'HTTP requests answered.', labelNames: ['method', 'route', 'status'], registers: [registry] }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

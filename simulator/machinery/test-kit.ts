// A bare API server for machinery tests: virtual clock, seeded randomness, no kind strategies,
// and the namespaces most tests write into.
import { ApiServer, type StrategyLookup } from './api-server.ts';
import { VirtualClock } from './clock.ts';
import { ApiError } from './errors.ts';
import { SeededRandom } from './random.ts';
import type { KubeObject } from './types.ts';

export const t0 = Date.parse('2025-01-01T00:00:00Z');
export const PODS = { resource: 'pods' };
export const NAMESPACES = { resource: 'namespaces' };
export const CONFIGMAPS = { resource: 'configmaps' };
export const DEPLOYMENTS = { group: 'apps', resource: 'deployments' };
export const REPLICASETS = { group: 'apps', resource: 'replicasets' };

export function newServer(options: { seed?: number; strategyFor?: StrategyLookup; historySize?: number; namespaces?: string[] } = {}): ApiServer {
  const api = new ApiServer({ clock: new VirtualClock(t0), random: new SeededRandom(options.seed ?? 1), strategyFor: options.strategyFor, historySize: options.historySize });
  for (const name of options.namespaces ?? ['default']) api.create(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return api;
}

export function pod(name: string, extra: Partial<KubeObject> & { labels?: Record<string, string>; namespace?: string } = {}): KubeObject {
  const { labels, namespace, ...rest } = extra;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: namespace ?? 'default', ...(labels ? { labels } : {}) },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
    ...rest,
  };
}

export function configMap(name: string, data: Record<string, string> = {}, namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data };
}

export function deployment(name: string, replicas = 1, namespace = 'default'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
    },
  };
}

/** The ApiError a call throws (fails the test if it does not throw one). */
export function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw new Error(`expected an ApiError, got ${String(e)}`);
  }
  throw new Error('expected an ApiError, but the call succeeded');
}

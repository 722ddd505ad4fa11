// Runs a kind's strategy the way the API server does, without the store, for the kinds tests:
// create = decode check, defaults, admission, preparation, validation; update likewise.
import type { KubeList, KubeObject, ResourceRef } from '../machinery/types.ts';
import { SeededRandom } from '../machinery/random.ts';
import { fieldErrorMessage } from './field-errors.ts';
import { strategyFor } from './index.ts';
import type { FieldError, StrategyContext } from './strategy.ts';

const PLURALS: Record<string, string> = { Service: 'services', ServiceAccount: 'serviceaccounts', Pod: 'pods' };

/** A context whose list() serves the given objects (all namespaces unless asked for one). */
export function fakeContext(existing: KubeObject[] = [], seed = 7): StrategyContext {
  return {
    list<T extends KubeObject>(ref: ResourceRef, opts?: { namespace?: string }): KubeList<T> {
      const items = existing.filter(
        (o) => PLURALS[o.kind] === ref.resource && (opts?.namespace === undefined || o.metadata.namespace === opts.namespace),
      );
      return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '1' }, items: structuredClone(items) as T[] };
    },
    random: new SeededRandom(seed),
    clock: { now: () => Date.parse('2025-01-01T00:00:00Z') },
  };
}

function groupOf(obj: KubeObject): string {
  return obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0]! : '';
}

export interface Outcome {
  obj: KubeObject;
  errors: FieldError[];
  /** The cause messages as kube-apiserver prints them. */
  messages: string[];
  decodeError?: string;
  refusal?: string;
}

export function create(input: KubeObject, ctx: StrategyContext = fakeContext()): Outcome {
  const obj = structuredClone(input);
  if (!obj.metadata.namespace && !['Namespace', 'Node'].includes(obj.kind)) obj.metadata.namespace = 'default';
  obj.metadata.uid ??= '5f0c6a3e-1b2d-4c5e-8f90-123456789abc'; // the store sets it before the strategy runs
  const s = strategyFor(groupOf(obj), obj.kind);
  if (!s) throw new Error(`no strategy for ${obj.kind}`);
  const decodeError = s.checkDecodable?.(obj);
  if (decodeError) return { obj, errors: [], messages: [], decodeError };
  s.applyDefaults?.(obj);
  const refusal = s.admitCreate?.(obj, ctx);
  if (refusal) return { obj, errors: [], messages: [], refusal };
  const errors = [...(s.prepareForCreate?.(obj, ctx) ?? []), ...(s.validateCreate?.(obj) ?? [])];
  return { obj, errors, messages: errors.map(fieldErrorMessage) };
}

export function update(input: KubeObject, old: KubeObject, ctx: StrategyContext = fakeContext()): Outcome {
  const obj = structuredClone(input);
  obj.metadata.namespace ??= old.metadata.namespace;
  const s = strategyFor(groupOf(obj), obj.kind)!;
  const decodeError = s.checkDecodable?.(obj);
  if (decodeError) return { obj, errors: [], messages: [], decodeError };
  s.applyDefaults?.(obj);
  const errors = [...(s.prepareForUpdate?.(obj, structuredClone(old), ctx) ?? []), ...(s.validateUpdate?.(obj, old) ?? [])];
  return { obj, errors, messages: errors.map(fieldErrorMessage) };
}

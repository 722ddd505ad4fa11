// The API calls every controller makes the same way: read an object that may be gone, write
// status only when it changed, and back off after a failed sync.
import type { ApiClient, KubeObject, ResourceRef } from '../machinery/types.ts';
import { hasReason, isApiError } from '../machinery/errors.ts';
import { deepEqual } from '../machinery/json.ts';

export function getIfExists<T extends KubeObject>(client: ApiClient, ref: ResourceRef, namespace: string | undefined, name: string): T | undefined {
  try {
    return client.get<T>(ref, namespace, name);
  } catch (err) {
    if (hasReason(err, 'NotFound')) return undefined;
    throw err;
  }
}

/** Creates into a namespace being deleted fail with this cause; controllers stay quiet about it. */
export function isNamespaceTerminating(err: unknown): boolean {
  return isApiError(err) && (err.status.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating');
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Write status through the status subresource, only when it changed; on a Conflict retry once
 * with a fresh read (the spec may have moved on; status is ours to set). */
export function updateStatusIfChanged<T extends KubeObject>(client: ApiClient, ref: ResourceRef, obj: T, status: unknown): T {
  if (deepEqual(obj.status ?? {}, status ?? {})) return obj;
  try {
    return client.updateStatus<T>(ref, { ...obj, status } as T);
  } catch (err) {
    if (hasReason(err, 'NotFound')) return obj;
    if (!hasReason(err, 'Conflict')) throw err;
    const fresh = client.get<T>(ref, obj.metadata.namespace, obj.metadata.name ?? '');
    if (fresh.metadata.uid !== obj.metadata.uid) return fresh;
    return client.updateStatus<T>(ref, { ...fresh, status } as T);
  }
}

/** Exponential backoff per key for failed syncs, like client-go's per-item rate limiter (coarser). */
export class Backoff {
  readonly failures = new Map<string, number>();
  readonly baseMs: number;
  readonly maxMs: number;
  constructor(baseMs = 1000, maxMs = 60_000) {
    this.baseMs = baseMs;
    this.maxMs = maxMs;
  }
  next(key: string): number {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    return Math.min(this.maxMs, this.baseMs * 2 ** n);
  }
  forget(key: string): void {
    this.failures.delete(key);
  }
}

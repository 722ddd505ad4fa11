// Columns for namespaces, configuration and identity objects, quotas and leases.
import type { KubeObject } from '../machinery/types.ts';
import { age } from './duration.ts';
import { ageColumn, column, nameColumn, type KindPrinter } from './table.ts';

const count = (v: unknown): number => (v && typeof v === 'object' ? Object.keys(v).length : 0);

export const namespacePrinter: KindPrinter = {
  columns: [nameColumn(), column('Status', 'The status of the namespace'), ageColumn()],
  row(obj, now) {
    const phase = (obj.status as { phase?: string } | undefined)?.phase ?? '';
    return { cells: [obj.metadata.name ?? '', phase, age(obj.metadata.creationTimestamp, now)] };
  },
};

export const configMapPrinter: KindPrinter = {
  columns: [nameColumn(), column('Data', 'How many keys the config map holds.'), ageColumn()],
  row(obj, now) {
    return {
      cells: [obj.metadata.name ?? '', count(obj.data) + count(obj.binaryData), age(obj.metadata.creationTimestamp, now)],
    };
  },
};

export const secretPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Type', 'What the secret is used for, e.g. Opaque or kubernetes.io/tls.'),
    column('Data', 'How many keys the secret holds.'),
    ageColumn(),
  ],
  row(obj, now) {
    return {
      cells: [obj.metadata.name ?? '', String(obj.type ?? ''), count(obj.data), age(obj.metadata.creationTimestamp, now)],
    };
  },
};

export const serviceAccountPrinter: KindPrinter = {
  columns: [nameColumn(), column('Secrets', 'How many secrets the service account lists.'), ageColumn()],
  row(obj, now) {
    const secrets = Array.isArray(obj.secrets) ? obj.secrets.length : 0;
    return { cells: [obj.metadata.name ?? '', secrets, age(obj.metadata.creationTimestamp, now)] };
  },
};

interface QuotaLike extends KubeObject {
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

/** REQUEST and LIMIT: `pods: 2/10, requests.cpu: 500m/2`, sorted by resource; `limits.*` go to LIMIT. */
export function quotaCells(quota: QuotaLike): { request: string; limit: string } {
  const hard = quota.status?.hard ?? {};
  const used = quota.status?.used ?? {};
  const request: string[] = [];
  const limit: string[] = [];
  for (const resource of Object.keys(hard).sort()) {
    const pieces = resource.split('.');
    const target = pieces.length > 1 && pieces[0] === 'limits' ? limit : request;
    target.push(`${resource}: ${used[resource] ?? '0'}/${hard[resource]}`);
  }
  return { request: request.join(', '), limit: limit.join(', ') };
}

export const resourceQuotaPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Request', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    column('Limit', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
    ageColumn(),
  ],
  row(obj, now) {
    const { request, limit } = quotaCells(obj as QuotaLike);
    return { cells: [obj.metadata.name ?? '', request, limit, age(obj.metadata.creationTimestamp, now)] };
  },
};

export const leasePrinter: KindPrinter = {
  columns: [nameColumn(), column('Holder', 'Who holds the lease now.'), ageColumn()],
  row(obj, now) {
    const holder = (obj.spec as { holderIdentity?: string } | undefined)?.holderIdentity ?? '';
    return { cells: [obj.metadata.name ?? '', holder, age(obj.metadata.creationTimestamp, now)] };
  },
};

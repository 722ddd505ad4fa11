// `kubectl describe` for namespaces, config maps, secrets and service accounts.
import type { KubeObject } from '../machinery/types.ts';
import { canonicalQuantity } from './quantity.ts';
import { rfc1123z, writeAnnotations, writeEvents, writeLabels } from './format.ts';
import { eventsFor, safeList, type DescribeContext } from './reader.ts';
import { tabbed, type DescribeWriter } from './writer.ts';

const sortedKeys = (o: Record<string, unknown> | undefined): string[] => Object.keys(o ?? {}).sort();

interface QuotaLike extends KubeObject {
  spec?: { scopes?: string[] };
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

interface LimitRangeLike extends KubeObject {
  spec?: {
    limits?: {
      type: string;
      max?: Record<string, string>;
      min?: Record<string, string>;
      default?: Record<string, string>;
      defaultRequest?: Record<string, string>;
      maxLimitRequestRatio?: Record<string, string>;
    }[];
  };
}

const SCOPE_HELP: Record<string, string> = {
  Terminating:
    'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating:
    'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort:
    'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

function writeQuotas(w: DescribeWriter, quotas: QuotaLike[]): void {
  if (quotas.length === 0) {
    w.write(0, 'No resource quota.\n');
    return;
  }
  w.write(0, 'Resource Quotas\n');
  for (const q of [...quotas].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1))) {
    w.write(1, `Name:\t${q.metadata.name ?? ''}\n`);
    const scopes = [...(q.spec?.scopes ?? [])].sort();
    if (scopes.length > 0) {
      w.write(1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(1, `* ${SCOPE_HELP[s]}\n`);
    }
    w.write(1, 'Resource\tUsed\tHard\n');
    w.write(1, '--------\t---\t---\n');
    for (const r of sortedKeys(q.status?.hard)) {
      w.write(1, `${r}\t${canonicalQuantity(q.status?.used?.[r] ?? '0')}\t${canonicalQuantity(q.status?.hard?.[r])}\n`);
    }
  }
}

function writeLimitRanges(w: DescribeWriter, ranges: LimitRangeLike[]): void {
  if (ranges.length === 0) {
    w.write(0, 'No LimitRange resource.\n');
    return;
  }
  w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of ranges) {
    for (const item of lr.spec?.limits ?? []) {
      const names = new Set([
        ...Object.keys(item.max ?? {}),
        ...Object.keys(item.min ?? {}),
        ...Object.keys(item.default ?? {}),
        ...Object.keys(item.defaultRequest ?? {}),
        ...Object.keys(item.maxLimitRequestRatio ?? {}),
      ]);
      const cell = (m: Record<string, string> | undefined, k: string): string => (m?.[k] !== undefined ? canonicalQuantity(m[k]) : '-');
      for (const k of [...names].sort()) {
        w.write(
          0,
          ` ${item.type}\t${k}\t${cell(item.min, k)}\t${cell(item.max, k)}\t${cell(item.defaultRequest, k)}\t${cell(item.default, k)}\t${cell(item.maxLimitRequestRatio, k)}\n`,
        );
      }
    }
  }
}

/** The text of `kubectl describe namespace`, with its quotas and limit ranges. */
export function describeNamespace(obj: KubeObject, ctx: DescribeContext): string {
  const ns = obj as KubeObject & {
    status?: { phase?: string; conditions?: { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }[] };
  };
  const name = ns.metadata.name ?? '';
  const quotas = safeList<QuotaLike>(ctx, '', 'resourcequotas', { namespace: name });
  const limits = safeList<LimitRangeLike>(ctx, '', 'limitranges', { namespace: name });
  return tabbed((w) => {
    w.write(0, `Name:\t${name}\n`);
    writeLabels(w, 'Labels', ns.metadata.labels);
    writeAnnotations(w, 'Annotations', ns.metadata.annotations);
    w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(0, 'Conditions:\n');
      w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
      }
    }
    if (quotas) {
      w.write(0, '\n');
      writeQuotas(w, quotas);
    }
    if (limits) {
      w.write(0, '\n');
      writeLimitRanges(w, limits);
    }
  });
}

/** The text of `kubectl describe configmap`: every key and its value; binary keys by size. */
export function describeConfigMap(obj: KubeObject, ctx: DescribeContext): string {
  const data = (obj.data ?? {}) as Record<string, string>;
  const binary = (obj.binaryData ?? {}) as Record<string, string>;
  const events = eventsFor(ctx, { name: obj.metadata.name ?? '', namespace: obj.metadata.namespace, kind: 'ConfigMap', uid: obj.metadata.uid });
  return tabbed((w) => {
    w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    writeLabels(w, 'Labels', obj.metadata.labels);
    writeAnnotations(w, 'Annotations', obj.metadata.annotations);
    w.write(0, '\nData\n====\n');
    // Upstream walks a Go map (random order); sorted keys keep the output stable.
    for (const key of sortedKeys(data)) {
      w.write(0, `${key}:\n----\n`);
      w.write(0, `${data[key]}\n`);
      w.write(0, '\n');
    }
    w.write(0, '\nBinaryData\n====\n');
    for (const key of sortedKeys(binary)) w.write(0, `${key}: ${base64Length(binary[key])} bytes\n`);
    w.write(0, '\n');
    writeEvents(w, events, ctx.now);
  });
}

/** How many bytes a base64 string decodes to. */
export function base64Length(b64: string): number {
  const clean = b64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

function decodeBase64(b64: string): string {
  try {
    return atob(b64);
  } catch {
    return '';
  }
}

/** The text of `kubectl describe secret`: sizes only, never values (except a service account token). */
export function describeSecret(obj: KubeObject, _ctx: DescribeContext): string {
  const data = (obj.data ?? {}) as Record<string, string>;
  const type = String(obj.type ?? '');
  return tabbed((w) => {
    w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    writeLabels(w, 'Labels', obj.metadata.labels);
    writeAnnotations(w, 'Annotations', obj.metadata.annotations);
    w.write(0, `\nType:\t${type}\n`);
    w.write(0, '\nData\n====\n');
    for (const key of sortedKeys(data)) {
      if (key === 'token' && type === 'kubernetes.io/service-account-token') {
        w.write(0, `${key}:\t${decodeBase64(data[key])}\n`);
      } else {
        w.write(0, `${key}:\t${base64Length(data[key])} bytes\n`);
      }
    }
  });
}

/** The text of `kubectl describe serviceaccount`. */
export function describeServiceAccount(obj: KubeObject, ctx: DescribeContext): string {
  const sa = obj as KubeObject & { secrets?: { name: string }[]; imagePullSecrets?: { name: string }[] };
  const secrets = safeList<KubeObject>(ctx, '', 'secrets', { namespace: sa.metadata.namespace });
  const tokens: string[] = [];
  const missing = new Set<string>();
  if (secrets) {
    const existing = new Set<string>();
    for (const s of secrets) {
      const a = s.metadata.annotations ?? {};
      if (
        s.type === 'kubernetes.io/service-account-token' &&
        a['kubernetes.io/service-account.name'] === sa.metadata.name &&
        a['kubernetes.io/service-account.uid'] === sa.metadata.uid
      ) {
        tokens.push(s.metadata.name ?? '');
      }
      existing.add(s.metadata.name ?? '');
    }
    for (const s of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]) if (!existing.has(s.name)) missing.add(s.name);
  }
  const events = eventsFor(ctx, { name: sa.metadata.name ?? '', namespace: sa.metadata.namespace, kind: 'ServiceAccount', uid: sa.metadata.uid });
  return tabbed((w) => {
    w.write(0, `Name:\t${sa.metadata.name ?? ''}\n`);
    w.write(0, `Namespace:\t${sa.metadata.namespace ?? ''}\n`);
    writeLabels(w, 'Labels', sa.metadata.labels);
    writeAnnotations(w, 'Annotations', sa.metadata.annotations);
    const groups: [string, string[]][] = [
      ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name)],
      ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name)],
      ['Tokens:            ', tokens],
    ];
    for (const [header, names] of groups) {
      if (names.length === 0) {
        w.write(0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const name of names) {
        w.write(0, `${prefix}\t${name}${missing.has(name) ? ' (not found)' : ''}\n`);
        prefix = ' '.repeat(19);
      }
    }
    writeEvents(w, events, ctx.now);
  });
}

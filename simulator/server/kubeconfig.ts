// The kubeconfig that points kubectl and client-node at the simulator: one cluster, one user and
// one context, all named wheelhouse-sim. It is written to its own file (export KUBECONFIG=…);
// the learner's ~/.kube/config is only touched when they ask for it, and then merged, not replaced.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse, stringify } from 'yaml';

export const simContextName = 'wheelhouse-sim';

export interface SimCredentials {
  url: string;
  token: string;
  caPem: string;
}

interface Named<T> {
  name: string;
  [key: string]: unknown;
  cluster?: T;
  user?: T;
  context?: T;
}

interface KubeconfigDoc {
  apiVersion: string;
  kind: string;
  clusters: Named<Record<string, unknown>>[];
  users: Named<Record<string, unknown>>[];
  contexts: Named<Record<string, unknown>>[];
  'current-context': string;
  preferences?: Record<string, unknown>;
  [key: string]: unknown;
}

function entries(creds: SimCredentials) {
  return {
    cluster: { name: simContextName, cluster: { server: creds.url, 'certificate-authority-data': Buffer.from(creds.caPem).toString('base64') } },
    user: { name: simContextName, user: { token: creds.token } },
    context: { name: simContextName, context: { cluster: simContextName, user: simContextName, namespace: 'default' } },
  };
}

/** A complete kubeconfig whose current context is the simulator. */
export function simKubeconfig(creds: SimCredentials): KubeconfigDoc {
  const e = entries(creds);
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [e.cluster],
    users: [e.user],
    contexts: [e.context],
    'current-context': simContextName,
    preferences: {},
  };
}

/** Writes the simulator's own kubeconfig (mode 0600: it holds the token). */
export function writeKubeconfig(path: string, creds: SimCredentials): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, stringify(simKubeconfig(creds)), { mode: 0o600 });
}

function upsert<T extends { name: string }>(list: T[] | undefined, item: T): T[] {
  const out = (list ?? []).filter((x) => x.name !== item.name);
  out.push(item);
  return out;
}

/** Adds (or refreshes) the wheelhouse-sim entries in an existing kubeconfig and switches to them,
 * leaving the learner's other clusters, users and contexts as they were. */
export function mergeIntoKubeconfig(path: string, creds: SimCredentials): void {
  let doc: KubeconfigDoc;
  try {
    doc = (parse(readFileSync(path, 'utf8')) as KubeconfigDoc | null) ?? simKubeconfig(creds);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    writeKubeconfig(path, creds);
    return;
  }
  const e = entries(creds);
  doc.apiVersion ??= 'v1';
  doc.kind ??= 'Config';
  doc.clusters = upsert(doc.clusters, e.cluster);
  doc.users = upsert(doc.users, e.user);
  doc.contexts = upsert(doc.contexts, e.context);
  doc['current-context'] = simContextName;
  writeFileSync(path, stringify(doc), { mode: 0o600 });
}

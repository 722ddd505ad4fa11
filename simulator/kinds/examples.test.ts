// Official example manifests (kubernetes/website, gateway-api) through defaults, admission and
// validation: those a real API server accepts give no errors, those it refuses give some.
// Test-only: reads the shared reference corpus; the simulator never does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedReference } from '../../tests/shared-reference.ts';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../machinery/types.ts';
import { fieldErrorMessage } from './field-errors.ts';
import { strategyFor } from './index.ts';
import { create, fakeContext } from './test-kit.ts';

const corpus = sharedReference('examples');
const ROOT = corpus.path;

/** Refused by a real API server whatever else is in the cluster (see the corpus README). */
const REFUSED = new Set([
  'k8s-website/secret/tls-auth-secret.yaml', // data holds placeholders that are not base64
  'k8s-website/application/job/job-tmpl.yaml', // a template: its name contains $ITEM
  'k8s-website/pods/pod-projected-svc-token.yaml', // ServiceAccount build-robot does not exist
]);

function groupOf(obj: KubeObject): string {
  return obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0]! : '';
}

const files = (corpus.present ? readFileSync(join(ROOT, 'INDEX.tsv'), 'utf8') : '')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[0]!);

interface Result {
  file: string;
  problems: string[];
  handled: number;
}

function feed(file: string): Result {
  // kubectl reads YAML 1.1 (so `mode: 0644` is octal).
  const docs = parseAllDocuments(readFileSync(join(ROOT, file), 'utf8'), { version: '1.1' });
  const created: KubeObject[] = [];
  const problems: string[] = [];
  let handled = 0;
  for (const doc of docs) {
    const obj = doc.toJS() as KubeObject | null;
    if (!obj || typeof obj !== 'object' || !obj.kind) continue;
    if (!strategyFor(groupOf(obj), obj.kind)) continue;
    handled++;
    const r = create(obj, fakeContext(created));
    if (r.decodeError) problems.push(`${obj.kind} ${obj.metadata.name}: decode: ${r.decodeError}`);
    if (r.refusal) problems.push(`${obj.kind} ${obj.metadata.name}: forbidden: ${r.refusal}`);
    problems.push(...r.errors.map((e) => `${obj.kind} ${obj.metadata.name}: ${fieldErrorMessage(e)}`));
    created.push(r.obj);
  }
  return { file, problems, handled };
}

describe.skipIf(!corpus.present)('official example manifests', () => {
  const results = files.map(feed).filter((r) => r.handled > 0);

  it('covers a good part of the corpus', () => {
    expect(results.length).toBeGreaterThan(150);
  });

  for (const r of results) {
    if (REFUSED.has(r.file)) {
      it(`refuses ${r.file}`, () => expect(r.problems).not.toEqual([]));
    } else {
      it(`accepts ${r.file}`, () => expect(r.problems).toEqual([]));
    }
  }
});

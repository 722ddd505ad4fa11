// The official example manifests (kubernetes/website, gateway-api: ../shared/reference/examples)
// through a whole simulated cluster: each file in a fresh cluster, every document created as
// `kubectl create -f` would, then two minutes of virtual time, then a look at what the controllers
// made of it. What a real cluster does with each file is written down in expectations.ts; this
// test fails when the simulator does anything else, and prints the acceptance rate.
// Test-only: reads the shared corpus from disk; the simulator never does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedReference } from '../../tests/shared-reference.ts';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createCluster } from '../cluster.ts';
import type { KubeObject } from '../machinery/types.ts';
import { expectations, servedKinds, setupNamespaces, type Expectation } from './expectations.ts';
import { createObject, invariantProblems, podStates, type CreateResult } from './observe.ts';

const { path: ROOT, present } = sharedReference('examples');

/** Reconcile for this long before looking: pulls, probes and back-offs have all had their turn. */
const settleMs = 120_000;

interface Row {
  file: string;
  kinds: string[];
}

function corpus(): Row[] {
  return readFileSync(join(ROOT, 'INDEX.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map(([file, , , , kinds]) => ({ file: file!, kinds: kinds!.split(',') }));
}

function documents(file: string): KubeObject[] {
  // kubectl reads YAML 1.1 (`mode: 0644` is octal); KYAML files are flow-style YAML.
  const docs = parseAllDocuments(readFileSync(join(ROOT, file), 'utf8'), { version: '1.1' });
  return docs.map((d) => {
    if (d.errors.length) throw new Error(`${file}: ${d.errors[0]!.message}`);
    return d.toJS() as KubeObject | null;
  }).filter((o): o is KubeObject => !!o && typeof o === 'object');
}

interface Outcome {
  created: CreateResult[];
  pods: string[];
  problems: string[];
}

function run(file: string, expectation: Expectation, seed: number): Outcome {
  const cluster = createCluster({ seed });
  for (const name of setupNamespaces) createObject(cluster, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  for (const before of expectation.after ?? []) for (const obj of documents(before)) createObject(cluster, obj);
  const created = documents(file).map((obj) => createObject(cluster, obj));
  cluster.advance(settleMs);
  const namespaces = [...new Set(['default', ...created.filter((c) => c.result === 'Created' && c.kind !== 'Namespace').map((c) => c.namespace ?? 'default')])];
  const crashes = cluster.runtime.failures.filter((f) => !(f.error instanceof Error && f.error.name === 'ApiError'));
  return {
    created,
    pods: podStates(cluster.client, namespaces),
    problems: [...invariantProblems(cluster.client, namespaces), ...crashes.map((f) => `${f.controller} crashed on ${f.key}: ${String(f.error)}`)],
  };
}

function refusals(o: Outcome): Record<string, string> {
  return Object.fromEntries(o.created.filter((c) => c.result !== 'Created').map((c) => [`${c.kind}/${c.name}`, c.result]));
}

describe.skipIf(!present)('official example manifests on a whole simulated cluster', () => {
  if (!present) {
    it.skip(`corpus not found at ${ROOT} (set CI to make this an error)`, () => {});
    return;
  }
  const rows = corpus();
  const served = rows.filter((r) => r.kinds.every((k) => servedKinds.includes(k)));
  const notServed = rows.filter((r) => !r.kinds.every((k) => servedKinds.includes(k)));

  it('has an expectation for every file of served kinds, and none for others', () => {
    expect(Object.keys(expectations).sort()).toEqual(served.map((r) => r.file).sort());
  });

  const outcomes = new Map<string, Outcome>();
  const results = served.map((row, i) => {
    const expectation = expectations[row.file] ?? { pods: [] };
    const outcome = run(row.file, expectation, i + 1);
    outcomes.set(row.file, outcome);
    const wantRefused = expectation.refused ?? {};
    const createdAsExpected = JSON.stringify(refusals(outcome)) === JSON.stringify(wantRefused);
    const stateAsExpected = JSON.stringify(outcome.pods) === JSON.stringify(expectation.pods) && outcome.problems.length === 0;
    return { file: row.file, expectation, outcome, createdAsExpected, stateAsExpected };
  });

  it('prints the summary', () => {
    const matchReal = results.filter((r) => r.createdAsExpected);
    const accepted = results.filter((r) => Object.keys(refusals(r.outcome)).length === 0);
    const refused = results.filter((r) => Object.keys(refusals(r.outcome)).length > 0);
    const reached = results.filter((r) => r.stateAsExpected && !r.expectation.differs);
    const differs = results.filter((r) => r.expectation.differs);
    const lines = [
      `conformance corpus: ${rows.length} files; ${served.length} of kinds the simulator serves, ${notServed.length} not yet served`,
      `  accepted: ${accepted.length}   refused: ${refused.length}   create result as a real API server: ${matchReal.length}/${served.length} (${((matchReal.length / served.length) * 100).toFixed(1)}%)`,
      `  state a real cluster reaches: ${reached.length}/${served.length}   known differences: ${differs.length}`,
      ...differs.map((r) => `    ≠ ${r.file}: ${r.expectation.differs}`),
      `  not yet served (${notServed.length}): ${[...new Set(notServed.flatMap((r) => r.kinds.filter((k) => !servedKinds.includes(k))))].sort().join(', ')}`,
    ];
    console.log(lines.join('\n'));
    // CONFORMANCE_DUMP=1 prints what the simulator did for every file, as rows for expectations.ts.
    if (process.env.CONFORMANCE_DUMP) {
      for (const r of results) console.log(`DUMP\t${r.file}\t${JSON.stringify({ refused: refusals(r.outcome), pods: r.outcome.pods, problems: r.outcome.problems })}`);
    }
    expect(served.length).toBeGreaterThan(100);
  });

  for (const r of results) {
    it(r.file, () => {
      const observed = { refused: refusals(r.outcome), pods: r.outcome.pods };
      // On failure the message shows what the simulator did, in the table's own terms.
      expect({ refused: observed.refused, pods: observed.pods, problems: r.outcome.problems }, `observed: ${JSON.stringify(observed)}`).toEqual({
        refused: r.expectation.refused ?? {},
        pods: r.expectation.pods,
        problems: [],
      });
    });
  }
});

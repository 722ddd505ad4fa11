// Every lab folder agrees with its definition: the steps in lab.ts are the step files, in order,
// with the files' headings as titles; every graded step has hints; setup stays in the namespace.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { labs } from '../labs/index.ts';
import { labsDir, readLabFiles } from './lab-files.node.ts';
import { planSetup } from './lab-setup.ts';
import { parseManifests } from './manifests.ts';
import { defineLab } from './lab.ts';
import { defineCheck } from './checks/check.ts';
import { pass } from './checks/result.ts';

describe('lab folders', () => {
  test('labs/index.ts lists every lab folder', () => {
    const folders = readdirSync(labsDir).filter((f) => statSync(path.join(labsDir, f)).isDirectory());
    expect(labs.map((l) => l.id).sort()).toEqual(folders.sort());
  });

  for (const lab of labs) {
    test(`${lab.id}: steps match steps/*.md, in order, titled by their headings`, () => {
      const files = readLabFiles(lab.id);
      expect(lab.steps.map((s) => [s.id, s.title])).toEqual(files.steps.map((s) => [s.id, s.title]));
    });

    test(`${lab.id}: setup writes only inside namespace ${lab.namespace}`, () => {
      for (const object of planSetup(lab, parseManifests(readLabFiles(lab.id).setup))) {
        expect(object.kind === 'Namespace' ? object.metadata.name : object.metadata.namespace).toBe(lab.namespace);
        expect(object.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBeTruthy();
      }
    });
  }

  test('setup refuses an object outside the lab namespace', () => {
    const lab = labs.find((l) => l.id === 'first-pod')!;
    const stray = { file: 'x.yaml', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'kube-system' } } };
    expect(() => planSetup(lab, [stray])).toThrow(/setup writes only inside first-pod/);
    const otherNs = { file: 'n.yaml', object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } } };
    expect(() => planSetup(lab, [otherNs])).toThrow(/may only create its own/);
  });

  test('defineLab refuses duplicate checks and graded steps without hints', () => {
    const check = defineCheck({ id: 'c', title: 'c', reads: [], run: async () => pass('ok') });
    expect(() => defineLab({ id: 'x', chapter: 1, title: 'x', namespace: 'x', steps: [{ id: 's', title: 's', checks: [check], hints: [] }] })).toThrow(/no hints/);
    expect(() =>
      defineLab({ id: 'x', chapter: 1, title: 'x', namespace: 'x', steps: [{ id: 's', title: 's', checks: [check, check], hints: ['h'] }] }),
    ).toThrow(/appears twice/);
  });
});

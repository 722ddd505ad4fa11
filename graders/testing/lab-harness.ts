// What every lab test does: a cluster set up for the lab, the lab's solution run through the
// simulator's shell with the virtual clock moving, and a grade through the in-process reader.
import { parse as parseYaml } from 'yaml';
import type { Cluster } from '../../simulator/cluster.ts';
import { createLabShell } from '../../simulator/lab-shell.ts';
import { collectOutput, WorkspaceFs } from '../../simulator/shell/index.ts';
import { gradeLab, type GradeReport } from '../grade.ts';
import type { Lab } from '../lab.ts';
import { readLabFiles } from '../lab-files.node.ts';
import { resetLab, setUpLab, type SetupReport } from '../lab-setup.ts';
import { simulatorWriter } from '../lab-setup-simulator.ts';
import { parseManifests, withLastApplied } from '../manifests.ts';
import { resourceForObject } from '../../simulator/machinery/resources.ts';
import type { KubeObject } from '../../simulator/machinery/types.ts';
import { simulatorReader } from '../reader/simulator-reader.ts';
import { labCluster } from './lab-cluster.ts';

export function grade(lab: Lab, cluster: Cluster, hintsShown?: Record<string, number>): Promise<GradeReport> {
  return gradeLab(lab, simulatorReader(cluster.client), { now: cluster.clock.now(), hintsShown });
}

export function labWriter(cluster: Cluster) {
  return simulatorWriter(cluster.client, { wait: (ms) => void cluster.advance(ms) });
}

/** A fresh cluster with the lab set up, and time given for its pods to start. */
export async function startLab(lab: Lab, options: { seed?: number; settleMs?: number } = {}): Promise<{ cluster: Cluster; setup: SetupReport }> {
  const cluster = labCluster(options.seed);
  const setup = await setUpLab(lab, parseManifests(readLabFiles(lab.id).setup), labWriter(cluster));
  cluster.advance(options.settleMs ?? 60_000);
  return { cluster, setup };
}

export async function resetInSimulator(lab: Lab, cluster: Cluster): Promise<SetupReport> {
  return resetLab(lab, parseManifests(readLabFiles(lab.id).setup), labWriter(cluster));
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

export interface SolutionRun {
  status: number;
  out: string;
  err: string;
  /** Cluster time the script took. */
  elapsedMs: number;
  fs: WorkspaceFs;
}

/** Run solution.sh in the lab shell (kubectl, curl and `sim`, as on the page, the starter files in the
 * workspace), advancing the cluster's clock a second at a time while it runs. */
export async function runSolution(lab: Lab, cluster: Cluster, options: { limitMs?: number } = {}): Promise<SolutionRun> {
  const files = readLabFiles(lab.id);
  if (!files.solution) throw new Error(`${lab.id} has no solution.sh`);
  return runScript(cluster, files.solution, { files: files.starter, limitMs: options.limitMs, what: `${lab.id}/solution.sh` });
}

/** Run any script as a learner would type it, with the clock moving. */
export async function runScript(
  cluster: Cluster,
  script: string,
  options: { files?: Array<{ path: string; content: string }>; limitMs?: number; what?: string } = {},
): Promise<SolutionRun> {
  const fs = new WorkspaceFs({ now: () => cluster.clock.now() });
  for (const file of options.files ?? []) {
    const abs = `${fs.home}/${file.path}`;
    fs.mkdir(abs.slice(0, abs.lastIndexOf('/')), { recursive: true });
    fs.writeFile(abs, file.content);
  }
  const { shell } = createLabShell({ cluster, fs });
  const out = collectOutput();
  const err = collectOutput();
  const start = cluster.clock.now();
  let finished = false;
  const done = shell.run(script, { stdout: out, stderr: err }).finally(() => {
    finished = true;
  });
  const limit = options.limitMs ?? 30 * 60_000;
  while (!finished) {
    await flush();
    if (finished) break;
    if (cluster.clock.now() - start > limit) throw new Error(`${options.what ?? 'script'} still running after ${limit / 1000} s of cluster time:\n${err.text()}`);
    cluster.advance(1_000);
  }
  return { status: await done, out: out.text(), err: err.text(), elapsedMs: cluster.clock.now() - start, fs };
}

/** Lines of a solution's stderr that mean a command failed. Read-only commands the in-page kubectl
 * does not offer yet ("not available yet") are left out: the grade afterwards judges the state. */
export function errorLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => /^(error|Error from server|.*command not found|.*: not found)/.test(line))
    .filter((line) => !knownKubectlGaps.some((gap) => gap.test(line)));
}

/** Read-only commands the in-page kubectl does not do yet; each is reported to its owner. */
const knownKubectlGaps = [
  /is not available yet in the in-browser terminal/, // e.g. kubectl explain
  /^error: must specify one of -f and -k$/, // kubectl apply view-last-applied (self-healing step 4)
];

/** Checks that did not pass, as `id: message`, for readable assertions. */
export function failures(report: GradeReport): string[] {
  return report.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id} (${c.status}): ${c.message}`);
}

export function statusOf(report: GradeReport): Record<string, string> {
  return Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
}

/** kubectl subcommands (as `['rollout', 'undo']`) the in-page kubectl does not know yet. The lab
 * tests run solution.sh through the shell once all of a solution's commands exist. */
export async function missingKubectlCommands(cluster: Cluster, commands: string[][]): Promise<string[]> {
  const { shell } = createLabShell({ cluster });
  const missing: string[] = [];
  for (const words of commands) {
    const out = collectOutput();
    const err = collectOutput();
    const status = await shell.run(`kubectl ${words.join(' ')} --help`, { stdout: out, stderr: err });
    if (status !== 0 || /unknown command/i.test(err.text() + out.text())) missing.push(words.join(' '));
  }
  return missing;
}

/** The kubectl subcommands a solution script uses (first word, plus the second for rollout/set/create/apply/config). */
export function kubectlCommandsIn(script: string): string[][] {
  const seen = new Map<string, string[]>();
  const code = script.split('\n').filter((line) => !line.trim().startsWith('#')).join('\n');
  for (const match of code.matchAll(/kubectl\s+([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?/g)) {
    const words = ['rollout', 'set', 'create', 'config', 'apply'].includes(match[1]!) && match[2] ? [match[1]!, match[2]] : [match[1]!];
    seen.set(words.join(' '), words);
  }
  return [...seen.values()];
}

/** What client-side `kubectl apply -f` does with one manifest, through the API client: create it
 * with its last-applied record, or merge the manifest and the new record into the live object. */
export function applyLikeKubectl(cluster: Cluster, object: KubeObject, fieldManager = 'kubectl-client-side-apply'): void {
  const type = resourceForObject(object);
  if (!type) throw new Error(`unknown kind ${object.kind}`);
  const ref = { group: type.group, resource: type.plural };
  const desired = withLastApplied(object);
  try {
    cluster.client.get(ref, object.metadata.namespace, object.metadata.name ?? '');
  } catch {
    cluster.client.create(ref, desired, { fieldManager });
    return;
  }
  cluster.client.patch(ref, object.metadata.namespace, object.metadata.name ?? '', 'strategic', desired, { fieldManager });
}

/** Advance the cluster in steps until `done` holds (or fail after `limitMs` of cluster time). */
export function advanceUntil(cluster: Cluster, done: () => boolean, limitMs = 600_000, stepMs = 1_000): void {
  for (let waited = 0; !done(); waited += stepMs) {
    if (waited > limitMs) throw new Error(`condition not reached after ${limitMs / 1000} s of cluster time`);
    cluster.advance(stepMs);
  }
}

/** The files a solution writes with `cat > NAME <<'YAML' … YAML`, last version of each, parsed. */
export function solutionFiles(lab: Lab): Map<string, KubeObject> {
  const files = new Map<string, KubeObject>();
  const script = readLabFiles(lab.id).solution ?? '';
  for (const match of script.matchAll(/cat > (\S+) <<'YAML'\n([\s\S]*?)\nYAML\n/g)) files.set(match[1]!, parseYaml(match[2]!) as KubeObject);
  return files;
}

// The learner's progress, kept in IndexedDB under one key: which labs are done (graded in the
// page, or proven by a CLI receipt), the hints revealed, and the last result of each check. The
// lab island writes it; the /progress/ page reads, exports and imports it.
import { get, set } from 'idb-keyval';
import type { GradeReport } from './protocol.ts';

export const PROGRESS_KEY = 'progress';

export interface LabProgress {
  done: boolean;
  /** ISO time the lab was first completed. */
  doneAt?: string;
  /** How it was completed: graded in the page, a CLI receipt, or an imported progress file. */
  source?: 'page' | 'receipt' | 'import';
  /** The cluster the receipt's grade ran against (receipts only). */
  backend?: string;
  hintsShown: Record<string, number>;
  /** check id → last status. */
  checks: Record<string, 'pass' | 'fail' | 'error'>;
  autoCheck?: boolean;
}

export interface Progress {
  format: 'wheelhouse-progress/v1';
  labs: Record<string, LabProgress>;
}

export const emptyProgress = (): Progress => ({ format: 'wheelhouse-progress/v1', labs: {} });
export const emptyLabProgress = (): LabProgress => ({ done: false, hintsShown: {}, checks: {} });

export async function loadProgress(): Promise<Progress> {
  const stored = (await get(PROGRESS_KEY).catch(() => undefined)) as Progress | undefined;
  return stored?.format === 'wheelhouse-progress/v1' ? stored : emptyProgress();
}

export async function saveProgress(progress: Progress): Promise<void> {
  await set(PROGRESS_KEY, progress);
}

/** Read-modify-write of one lab's entry. */
export async function updateLab(labId: string, change: (lab: LabProgress) => void): Promise<LabProgress> {
  const progress = await loadProgress();
  const lab = progress.labs[labId] ?? emptyLabProgress();
  change(lab);
  progress.labs[labId] = lab;
  await saveProgress(progress);
  return lab;
}

/** A grade's effect on progress: check statuses, and done once every check passes (never undone). */
export function recordGrade(lab: LabProgress, report: GradeReport, now = new Date()): boolean {
  lab.checks = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
  const completedNow = report.status === 'pass' && !lab.done;
  if (completedNow) {
    lab.done = true;
    lab.doneAt = now.toISOString();
    lab.source = 'page';
  }
  return completedNow;
}

/** Merge an imported progress file: a lab done in either stays done; hints take the maximum. */
export function mergeProgress(into: Progress, incoming: unknown): { merged: Progress; labs: string[] } {
  const file = incoming as Partial<Progress> | null;
  if (!file || file.format !== 'wheelhouse-progress/v1' || typeof file.labs !== 'object' || file.labs === null) {
    throw new Error('This is not a Wheelhouse progress file (expected "format": "wheelhouse-progress/v1").');
  }
  const merged: Progress = structuredClone(into);
  const labs: string[] = [];
  for (const [id, raw] of Object.entries(file.labs)) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || typeof raw !== 'object' || raw === null) continue;
    const theirs = raw as Partial<LabProgress>;
    const ours = merged.labs[id] ?? emptyLabProgress();
    if (theirs.done === true && !ours.done) {
      ours.done = true;
      ours.doneAt = typeof theirs.doneAt === 'string' ? theirs.doneAt : new Date().toISOString();
      ours.source = 'import';
    }
    for (const [step, n] of Object.entries(theirs.hintsShown ?? {})) {
      if (typeof n === 'number') ours.hintsShown[step] = Math.max(ours.hintsShown[step] ?? 0, n);
    }
    merged.labs[id] = ours;
    labs.push(id);
  }
  return { merged, labs };
}

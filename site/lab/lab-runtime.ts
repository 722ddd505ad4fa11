// The lab's runtime, as the Web Worker runs it: one simulated cluster with the lab set up, the
// shell with kubectl, curl and sim in a TerminalSession, the clock moving in real time, grading,
// and saving to a store. No DOM: worker.ts wires it to postMessage and IndexedDB, and the unit
// tests drive it directly.
import { gradeLab } from '../../graders/grade.ts';
import type { Lab } from '../../graders/lab.ts';
import { setUpLab } from '../../graders/lab-setup.ts';
import { simulatorWriter } from '../../graders/lab-setup-simulator.ts';
import { parseManifests } from '../../graders/manifests.ts';
import { simulatorReader } from '../../graders/reader/simulator-reader.ts';
import { findLab } from '../../labs/index.ts';
import { createCluster, type Cluster, type ClusterSnapshot } from '../../simulator/cluster.ts';
import { Kubeconfig, type KubeconfigState } from '../../simulator/kubectl/index.ts';
import { createLabShell } from '../../simulator/lab-shell.ts';
import { bashPrompt, TerminalSession, WorkspaceFs, type Shell, type WorkspaceSnapshot } from '../../simulator/shell/index.ts';
import { buildClusterView } from './cluster-view-model.ts';
import { bundledLabFiles, type BundledLabFiles } from './lab-files.ts';
import { savedLabKey, type ClockAction, type FromWorker, type LabMeta, type SavedLab, type ToWorker, type WorkspaceFile } from './protocol.ts';

export interface LabStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface LabRuntimeOptions {
  post(message: FromWorker): void;
  store: LabStore;
  /** Wall-clock milliseconds (performance.now in the worker). */
  wallNow?: () => number;
  /** How often the clock moves while playing. */
  tickMs?: number;
  saveDelayMs?: number;
  viewDelayMs?: number;
  autoCheckDelayMs?: number;
  /** Cluster time given to a fresh lab's setup, so it starts settled (pods running). */
  settleMs?: number;
}

const SEED = 7;
const SCREEN_LIMIT = 60_000;
const STEP_MS = 1_000;

export function labMeta(lab: Lab, files: BundledLabFiles, home: string): LabMeta {
  return {
    id: lab.id,
    title: lab.title,
    chapter: lab.chapter,
    namespace: lab.namespace,
    autoCheck: lab.autoCheck ?? false,
    steps: lab.steps.map((step) => ({
      id: step.id,
      title: step.title,
      hints: [...step.hints],
      checks: step.checks.map((check) => ({ id: check.id, title: check.title })),
    })),
    solution: files.solution,
    starter: files.starter.map((file) => `${home}/${file.path}`),
  };
}

export class LabRuntime {
  readonly #opts: Required<Omit<LabRuntimeOptions, 'post' | 'store'>> & Pick<LabRuntimeOptions, 'post' | 'store'>;
  #lab: Lab | undefined;
  #files: BundledLabFiles | undefined;
  cluster: Cluster | undefined;
  fs: WorkspaceFs | undefined;
  shell: Shell | undefined;
  session: TerminalSession | undefined;
  #kubeconfig = new Kubeconfig();
  #pristineCluster: ClusterSnapshot | undefined;
  #pristineFiles: WorkspaceSnapshot | undefined;
  #columns = 80;
  #screen = '';
  #pendingOutput = '';
  #playing = false;
  #lastWall = 0;
  #clockTimer: ReturnType<typeof setInterval> | undefined;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #viewTimer: ReturnType<typeof setTimeout> | undefined;
  #filesTimer: ReturnType<typeof setTimeout> | undefined;
  #autoTimer: ReturnType<typeof setTimeout> | undefined;
  #autoCheck = false;
  #hintsShown: Record<string, number> = {};
  #resetting = false;
  #queue: Promise<void> = Promise.resolve();

  constructor(options: LabRuntimeOptions) {
    this.#opts = {
      wallNow: () => performance.now(),
      tickMs: 100,
      saveDelayMs: 400,
      viewDelayMs: 120,
      autoCheckDelayMs: 800,
      settleMs: 60_000,
      ...options,
    };
  }

  /** Messages are handled one at a time, in order (init is async; input may arrive meanwhile). */
  handle(message: ToWorker): Promise<void> {
    this.#queue = this.#queue.then(() => this.#handle(message)).catch((error: unknown) => {
      this.#opts.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    return this.#queue;
  }

  async #handle(message: ToWorker): Promise<void> {
    if (message.type === 'init') return this.#init(message.labId, message.columns);
    if (!this.session || !this.cluster || !this.fs) throw new Error(`the lab is not started (got ${message.type} before init)`);
    switch (message.type) {
      case 'input':
        this.session.input(message.data);
        return;
      case 'resize':
        this.#columns = message.columns;
        return;
      case 'type':
        void this.session.type(message.command);
        return;
      case 'run-solution':
        if (this.#files?.solution) void this.session.type(this.#files.solution.trimEnd());
        return;
      case 'write-file':
        this.fs.writeFile(message.path, message.content);
        return;
      case 'check':
        this.#hintsShown = message.hintsShown;
        return this.grade(message.reason);
      case 'reset':
        return this.reset();
      case 'clock':
        this.clock(message.action);
        return;
      case 'auto-check':
        this.#autoCheck = message.enabled;
        if (message.enabled) this.#scheduleAutoCheck();
        return;
      case 'flush':
        return this.save();
    }
  }

  async #init(labId: string, columns: number): Promise<void> {
    const started = this.#opts.wallNow();
    const lab = findLab(labId);
    if (!lab) throw new Error(`there is no lab "${labId}" (labs/index.ts lists the labs)`);
    this.#lab = lab;
    this.#columns = columns;
    const files = (this.#files = bundledLabFiles(labId));
    const cluster = (this.cluster = createCluster({ seed: SEED }));
    this.#pristineCluster = cluster.snapshot();
    const fs = (this.fs = new WorkspaceFs({ now: () => cluster.clock.now() }));
    this.#pristineFiles = fs.snapshot();

    const saved = (await this.#opts.store.get(savedLabKey(labId)).catch(() => undefined)) as SavedLab | undefined;
    let restored = false;
    if (saved?.format === 'wheelhouse-lab-state/v1') {
      try {
        cluster.restore(saved.cluster as ClusterSnapshot);
        fs.restore(saved.files as WorkspaceSnapshot);
        this.#kubeconfig = new Kubeconfig(saved.kubeconfig as KubeconfigState);
        restored = true;
      } catch (error) {
        // A snapshot from an older simulator: start fresh rather than break the page.
        console.warn(`lab ${labId}: the saved state could not be restored (${String(error)}); starting fresh`);
        cluster.restore(this.#pristineCluster);
        fs.restore(this.#pristineFiles);
      }
    }
    if (!restored) await this.#setUp();

    const kubeconfig = this.#kubeconfig;
    // The scheduler sleeps on the cluster's clock, so `kubectl wait` and `sleep` wait in cluster
    // time (and a paused clock pauses them); Ctrl-C wakes a sleeper through its signal.
    const { shell } = createLabShell({ cluster, fs, kubeconfig });
    this.shell = shell;
    if (restored) for (const line of saved?.history ?? []) shell.addHistory(line);

    cluster.subscribe(() => {
      this.#scheduleView();
      this.#scheduleSave();
      if (this.#autoCheck) this.#scheduleAutoCheck();
    });
    fs.subscribe(() => {
      this.#scheduleFiles();
      this.#scheduleSave();
    });
    kubeconfig.subscribe(() => this.#scheduleSave());

    // The saved screen ends at the old prompt; clear that line so the new prompt replaces it.
    if (restored && saved?.screen) this.#write(`${saved.screen}\r\x1b[K`);
    this.#newSession();
    this.#opts.post({ type: 'ready', lab: labMeta(lab, files, fs.home), restored, startupMs: this.#opts.wallNow() - started });
    this.#postFiles();
    this.#postView();
    this.clock('play');
  }

  /** The lab's starting state on the current (fresh) cluster: setup manifests, then starter files. */
  async #setUp(): Promise<void> {
    const cluster = this.cluster!;
    const lab = this.#lab!;
    const manifests = parseManifests(this.#files!.setup);
    await setUpLab(lab, manifests, simulatorWriter(cluster.client, { wait: (ms) => void cluster.advance(ms) }));
    if (manifests.length > 0) cluster.advance(this.#opts.settleMs);
    const fs = this.fs!;
    for (const file of this.#files!.starter) {
      const path = `${fs.home}/${file.path}`;
      fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
      fs.writeFile(path, file.content);
    }
  }

  #newSession(): void {
    const shell = this.shell!;
    const kubeconfig = this.#kubeconfig;
    this.session = new TerminalSession({
      shell,
      write: (text) => this.#write(text),
      columns: () => this.#columns,
      prompt: () =>
        bashPrompt({
          user: shell.user,
          host: shell.hostname,
          directory: shell.promptDirectory(),
          namespace: kubeconfig.namespace(kubeconfig.currentContextName) || undefined,
          color: true,
        }),
      onCommandDone: (line, status) => {
        this.#opts.post({ type: 'command-done', line, status });
        this.#postView();
        void this.save();
        if (this.#autoCheck) this.#scheduleAutoCheck();
      },
    });
    this.session.start();
  }

  /** Terminal output, coalesced per task into one message, and kept for the next reload. */
  #write(text: string): void {
    if (!this.#pendingOutput) queueMicrotask(() => this.#flushOutput());
    this.#pendingOutput += text;
  }

  #flushOutput(): void {
    const data = this.#pendingOutput;
    this.#pendingOutput = '';
    if (!data) return;
    this.#screen += data;
    if (this.#screen.length > SCREEN_LIMIT) {
      const cut = this.#screen.indexOf('\n', this.#screen.length - SCREEN_LIMIT);
      this.#screen = this.#screen.slice(cut >= 0 ? cut + 1 : this.#screen.length - SCREEN_LIMIT);
    }
    this.#opts.post({ type: 'output', data });
  }

  clock(action: ClockAction): void {
    const cluster = this.cluster!;
    if (action === 'step') {
      this.#stopClock();
      cluster.advance(STEP_MS);
    } else if (action === 'pause') {
      this.#stopClock();
    } else if (!this.#playing) {
      this.#playing = true;
      this.#lastWall = this.#opts.wallNow();
      let shownAt = this.#lastWall;
      this.#clockTimer = setInterval(() => {
        const now = this.#opts.wallNow();
        const elapsed = now - this.#lastWall;
        this.#lastWall = now;
        // A throttled background tab catches up in one step, which is what real time means.
        if (elapsed > 0) cluster.advance(elapsed);
        // The view's clock and ages move even when no object changes.
        if (now - shownAt >= 1_000) {
          shownAt = now;
          this.#scheduleView();
        }
      }, this.#opts.tickMs);
    }
    this.#opts.post({ type: 'clock', playing: this.#playing, now: cluster.clock.now() });
    this.#postView();
  }

  #stopClock(): void {
    this.#playing = false;
    if (this.#clockTimer !== undefined) clearInterval(this.#clockTimer);
    this.#clockTimer = undefined;
  }

  async grade(reason: 'manual' | 'auto'): Promise<void> {
    const cluster = this.cluster!;
    const report = await gradeLab(this.#lab!, simulatorReader(cluster.client), { now: cluster.clock.now(), hintsShown: this.#hintsShown });
    this.#opts.post({ type: 'grade', report, reason });
  }

  async reset(): Promise<void> {
    const session = this.session!;
    this.#resetting = true;
    try {
      if (session.busy) {
        session.input('\x03');
        await session.idle();
      }
      this.cluster!.restore(this.#pristineCluster!);
      this.fs!.restore(this.#pristineFiles!);
      await this.#setUp();
      this.#write('\r\n\x1b[33m# Lab reset: a fresh cluster, the lab\'s setup applied and the starter files restored.\x1b[0m\r\n');
      this.#newSession();
      this.#postFiles();
      this.#postView();
      await this.save();
      this.#opts.post({ type: 'reset-done' });
    } finally {
      this.#resetting = false;
    }
  }

  #scheduleAutoCheck(): void {
    if (this.#autoTimer !== undefined || this.#resetting) return;
    this.#autoTimer = setTimeout(() => {
      this.#autoTimer = undefined;
      void this.grade('auto');
    }, this.#opts.autoCheckDelayMs);
  }

  #scheduleView(): void {
    if (this.#viewTimer !== undefined) return;
    this.#viewTimer = setTimeout(() => {
      this.#viewTimer = undefined;
      this.#postView();
    }, this.#opts.viewDelayMs);
  }

  #postView(): void {
    const cluster = this.cluster!;
    this.#opts.post({ type: 'view', view: buildClusterView(cluster.client, cluster.clock.now()) });
  }

  #scheduleFiles(): void {
    if (this.#filesTimer !== undefined) return;
    this.#filesTimer = setTimeout(() => {
      this.#filesTimer = undefined;
      this.#postFiles();
    }, 30);
  }

  /** Every file in the workspace (the editor lists them). Workspaces are a few small files. */
  workspaceFiles(): WorkspaceFile[] {
    const files: WorkspaceFile[] = [];
    for (const entry of this.fs!.snapshot().entries) {
      if (entry.type === 'file') files.push({ path: entry.path, content: entry.content ?? '' });
    }
    return files;
  }

  #postFiles(): void {
    this.#opts.post({ type: 'files', files: this.workspaceFiles() });
  }

  #scheduleSave(): void {
    if (this.#saveTimer !== undefined) return;
    this.#saveTimer = setTimeout(() => void this.save(), this.#opts.saveDelayMs);
  }

  /** Everything needed to come back to this exact lab after a reload. */
  snapshot(): SavedLab {
    this.#flushOutput();
    return {
      format: 'wheelhouse-lab-state/v1',
      labId: this.#lab!.id,
      savedAt: Date.now(),
      cluster: this.cluster!.snapshot(),
      files: this.fs!.snapshot(),
      history: [...this.shell!.history()],
      kubeconfig: this.#kubeconfig.toJSON(),
      screen: this.#screen,
    };
  }

  async save(): Promise<void> {
    if (this.#saveTimer !== undefined) clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    if (!this.cluster || !this.shell) return;
    const state = this.snapshot();
    await this.#opts.store.set(savedLabKey(state.labId), state);
    this.#opts.post({ type: 'saved', at: state.savedAt });
  }

  dispose(): void {
    this.#stopClock();
    for (const timer of [this.#saveTimer, this.#viewTimer, this.#filesTimer, this.#autoTimer]) if (timer !== undefined) clearTimeout(timer);
  }
}

/** @jsxImportSource preact */
// The lab island: the steps with the current one marked, a terminal on the simulator's shell (in a
// Web Worker) or on the learner's own machine (the local bridge), "Check my work" with each
// check's result, hints one at a time, the solution, reset, the files and the live cluster. It
// only draws and forwards; the worker holds the state.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ClusterView } from './ClusterView.tsx';
import { FileEditor } from './FileEditor.tsx';
import { LabTerminal, type TerminalHandle } from './Terminal.tsx';
import { MyClusterPanel, type BridgeState } from './MyCluster.tsx';
import { CheckResults } from './CheckResults.tsx';
import { OutputBuffer } from './output-buffer.ts';
import { loadProgress, recordGrade, updateLab } from './progress.ts';
import type { ClockAction, ClusterViewModel, FromWorker, GradeReport, LabMeta, WorkspaceFile } from './protocol.ts';
import { startLabWorker, type LabWorker } from './worker-client.ts';
import './lab.css';

const islandStart = typeof performance !== 'undefined' ? performance.now() : 0;
// The worker's script is the biggest download: start it with this module, while Preact hydrates.
let earlyWorker: LabWorker | undefined = typeof Worker !== 'undefined' ? startLabWorker() : undefined;
const HOME = '/home/learner';

declare global {
  interface Window {
    __wheelhouseLab?: { run(command: string): void };
    __wheelhouseLabQueue?: string[];
  }
}

interface Props {
  id: string;
  title: string;
}

type Mode = 'simulator' | 'bridge';

/** The step the learner is on: the first step with checks that did not all pass. */
function currentStepIndex(lab: LabMeta, report: GradeReport | undefined): number {
  if (!report) return 0;
  const index = lab.steps.findIndex((step) => {
    const checks = report.checks.filter((c) => c.step === step.id);
    return checks.length > 0 && checks.some((c) => c.status !== 'pass');
  });
  return index < 0 ? lab.steps.length : index;
}

function Inline({ text }: { text: string }) {
  // Check messages and hints mark code with backticks.
  return <>{text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}</>;
}
export { Inline };

export default function LabIsland({ id, title }: Props) {
  const [lab, setLab] = useState<LabMeta | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [view, setView] = useState<ClusterViewModel | undefined>(undefined);
  const [files, setFiles] = useState<WorkspaceFile[]>([]);
  const [playing, setPlaying] = useState(false);
  const [report, setReport] = useState<GradeReport | undefined>(undefined);
  const [checking, setChecking] = useState(false);
  const [hintsShown, setHintsShown] = useState<Record<string, number>>({});
  const [showSolution, setShowSolution] = useState(false);
  const [autoCheck, setAutoCheck] = useState(false);
  const [done, setDone] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [mode, setMode] = useState<Mode>('simulator');
  const [bridge, setBridge] = useState<BridgeState>({ status: 'off' });
  const [savedAt, setSavedAt] = useState<number | undefined>(undefined);
  const [promptMs, setPromptMs] = useState<number | undefined>(undefined);
  const [workerStartupMs, setWorkerStartupMs] = useState<number | undefined>(undefined);
  const worker = useRef<LabWorker | null>(null);
  const terminal = useRef<TerminalHandle | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const output = useMemo(() => new OutputBuffer(), []);
  const hintsRef = useRef(hintsShown);
  hintsRef.current = hintsShown;
  const modeRef = useRef(mode);
  modeRef.current = mode;

  const send = (message: Parameters<LabWorker['send']>[0]) => worker.current?.send(message);

  // The worker: started once, fed the lab id; everything it says lands in state.
  useEffect(() => {
    const w = earlyWorker ?? startLabWorker();
    earlyWorker = undefined;
    worker.current = w;
    let readySeen = false;
    let prompted = false;
    const markPrompt = () => {
      if (prompted) return;
      prompted = true;
      performance.mark('wheelhouse:lab-prompt');
      setPromptMs(Math.round(performance.now() - islandStart));
    };
    const off = w.on((message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          readySeen = true;
          setLab(message.lab);
          setWorkerStartupMs(Math.round(message.startupMs));
          setAnnouncement(message.restored ? 'Lab restored where you left it.' : 'Lab ready.');
          if (!prompted) requestAnimationFrame(markPrompt);
          return;
        case 'output':
          output.write(message.data);
          if (readySeen) markPrompt();
          return;
        case 'files':
          setFiles(message.files);
          return;
        case 'view':
          setView(message.view);
          return;
        case 'clock':
          setPlaying(message.playing);
          return;
        case 'grade':
          onReport(message.report, message.reason);
          return;
        case 'saved':
          setSavedAt(message.at);
          return;
        case 'reset-done':
          setReport(undefined);
          setAnnouncement('Lab reset.');
          return;
        case 'command-done':
          return;
        case 'error':
          setProblem(message.message);
          return;
      }
    });
    w.send({ type: 'init', labId: id, columns: 100, rows: 22 });
    const flush = () => w.send({ type: 'flush' });
    window.addEventListener('pagehide', flush);
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onHidden);
    void loadProgress().then((progress) => {
      const saved = progress.labs[id];
      if (!saved) return;
      setHintsShown(saved.hintsShown);
      setDone(saved.done);
      if (saved.autoCheck) {
        setAutoCheck(true);
        w.send({ type: 'auto-check', enabled: true });
      }
    });
    return () => {
      off();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      w.terminate();
    };
  }, [id]);

  // "Run" buttons in the chapter type into this terminal once it is ready.
  useEffect(() => {
    if (!lab) return;
    const run = (command: string) => {
      if (modeRef.current === 'simulator') send({ type: 'type', command });
      else bridgeSend({ type: 'input', data: `${command}\r` });
      root.current?.querySelector('.lab-terminals')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      terminal.current?.focus();
    };
    window.__wheelhouseLab = { run };
    for (const command of window.__wheelhouseLabQueue?.splice(0) ?? []) run(command);
    document.dispatchEvent(new CustomEvent('wheelhouse:lab-ready'));
    return () => {
      delete window.__wheelhouseLab;
    };
  }, [lab]);

  const onReport = (next: GradeReport, reason: 'manual' | 'auto') => {
    setReport(next);
    setChecking(false);
    void updateLab(id, (entry) => {
      const completedNow = recordGrade(entry, next);
      if (completedNow || (entry.done && reason === 'manual')) setDone(true);
      if (completedNow) setAnnouncement(`Lab complete: all ${next.checks.length} checks pass.`);
    });
    if (reason === 'manual') {
      setAnnouncement(
        next.status === 'pass'
          ? `All ${next.checks.length} checks pass.`
          : `${next.counts.pass} of ${next.checks.length} checks pass; ${next.counts.fail} fail${next.counts.error ? `, ${next.counts.error} could not be checked` : ''}.`,
      );
    }
  };

  const bridgeSend = (message: Parameters<NonNullable<BridgeState['connection']>['send']>[0]) => bridge.connection?.send(message);

  const check = async () => {
    setChecking(true);
    if (mode === 'simulator') {
      send({ type: 'check', hintsShown: hintsRef.current, reason: 'manual' });
      return;
    }
    try {
      const result = await bridge.connection!.grade(id, bridge.context);
      onReport(result, 'manual');
    } catch (error) {
      setChecking(false);
      setAnnouncement('');
      setProblem(`Grading your cluster failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) {
    // What the static page shows until the island hydrates (and without JavaScript).
    return (
      <div class="lab-island" data-state="static">
        <p class="lab-loading">The interactive lab (a terminal on a built-in cluster, the cluster view and “Check my work”) loads here.</p>
      </div>
    );
  }

  if (problem && !lab) {
    return (
      <div class="lab-island" role="alert">
        The lab could not start: {problem}
      </div>
    );
  }

  const current = lab ? currentStepIndex(lab, report) : 0;
  const hintStep = lab?.steps[Math.min(current, lab.steps.length - 1)];
  const hintStepWithHints = hintStep && hintStep.hints.length ? hintStep : lab?.steps.slice(current).find((s) => s.hints.length);
  const shownForStep = hintStepWithHints ? (hintsShown[hintStepWithHints.id] ?? 0) : 0;

  const nextHint = () => {
    if (!hintStepWithHints) return;
    const next = { ...hintsShown, [hintStepWithHints.id]: Math.min(shownForStep + 1, hintStepWithHints.hints.length) };
    setHintsShown(next);
    void updateLab(id, (entry) => {
      entry.hintsShown = next;
    });
  };

  const reset = () => {
    if (!window.confirm('Reset this lab? The cluster goes back to the lab\'s start and the starter files are restored. Your terminal history is kept.')) return;
    setShowSolution(false);
    send({ type: 'reset' });
  };

  const toggleAutoCheck = (enabled: boolean) => {
    setAutoCheck(enabled);
    send({ type: 'auto-check', enabled });
    void updateLab(id, (entry) => {
      entry.autoCheck = enabled;
    });
  };

  return (
    <div
      class="lab-island"
      ref={root}
      data-state={lab ? 'ready' : 'loading'}
      data-mode={mode}
      data-saved-at={savedAt}
      data-prompt-ms={promptMs}
      data-worker-startup-ms={workerStartupMs}
    >
      <div class="lab-header">
        <h3 class="lab-title">
          {done ? '✓ ' : ''}
          {lab?.title ?? title}
        </h3>
        <MyClusterPanel mode={mode} onMode={setMode} bridge={bridge} onBridge={setBridge} labId={id} onOutputReset={() => terminal.current?.reset()} />
      </div>

      {lab && (
        <ol class="lab-step-list" aria-label="Steps">
          {lab.steps.map((step, index) => {
            const stepReport = report?.steps.find((s) => s.id === step.id);
            const mark = stepReport?.status === 'pass' ? '✓' : stepReport?.status === 'fail' ? '✗' : stepReport?.status === 'error' ? '!' : '';
            return (
              <li key={step.id} aria-current={index === current ? 'step' : undefined} class={index === current ? 'current' : index < current ? 'passed' : ''}>
                <span class="lab-step-mark" aria-hidden="true">{mark}</span> {step.title}
              </li>
            );
          })}
        </ol>
      )}

      <div class="lab-terminals">
        <LabTerminal
          label="Lab terminal"
          output={output}
          hidden={mode !== 'simulator'}
          onInput={(data) => send({ type: 'input', data })}
          onResize={(columns, rows) => send({ type: 'resize', columns, rows })}
          onReady={(handle) => {
            if (modeRef.current === 'simulator') terminal.current = handle;
          }}
        />
        {mode === 'bridge' && bridge.connection && bridge.output && (
          <LabTerminal
            label="Lab terminal (your machine)"
            output={bridge.output}
            onInput={(data) => bridgeSend({ type: 'input', data })}
            onResize={(columns, rows) => bridgeSend({ type: 'resize', columns, rows })}
            onReady={(handle) => {
              terminal.current = handle;
              bridgeSend({ type: 'spawn', columns: 100, rows: 22, labId: id });
            }}
          />
        )}
        {!lab && <p class="lab-loading">Starting the lab's cluster…</p>}
      </div>

      <div class="lab-actions" role="group" aria-label="Lab actions">
        <button type="button" class="lab-primary" onClick={check} disabled={!lab || checking || (mode === 'bridge' && !bridge.connection)}>
          Check my work
        </button>
        <button type="button" onClick={nextHint} disabled={!hintStepWithHints || shownForStep >= hintStepWithHints.hints.length}>
          Next hint
        </button>
        <button type="button" onClick={() => setShowSolution(!showSolution)} aria-expanded={showSolution} disabled={!lab?.solution}>
          {showSolution ? 'Hide solution' : 'Show solution'}
        </button>
        <button type="button" onClick={reset} disabled={!lab || mode !== 'simulator'}>
          Reset lab
        </button>
        <label class="lab-check">
          <input type="checkbox" checked={autoCheck} disabled={mode !== 'simulator'} onChange={(e) => toggleAutoCheck((e.target as HTMLInputElement).checked)} /> Check
          automatically
        </label>
      </div>

      <p class="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {problem && lab && (
        <p class="lab-problem" role="alert">
          {problem}{' '}
          <button type="button" onClick={() => setProblem(undefined)}>
            Dismiss
          </button>
        </p>
      )}

      {report && <CheckResults report={report} />}

      {hintStepWithHints && shownForStep > 0 && (
        <section class="lab-hints" aria-label="Hints">
          <h4>Hints for “{hintStepWithHints.title}”</h4>
          <ol>
            {hintStepWithHints.hints.slice(0, shownForStep).map((hint, i) => (
              <li key={i}>
                <Inline text={hint} />
              </li>
            ))}
          </ol>
        </section>
      )}

      {showSolution && lab?.solution && (
        <section class="lab-solution" aria-label="Solution">
          <h4>Solution</h4>
          <pre tabIndex={0}>{lab.solution}</pre>
          <button type="button" onClick={() => (mode === 'simulator' ? send({ type: 'run-solution' }) : bridgeSend({ type: 'input', data: `${lab.solution}\r` }))}>
            Run the solution in the terminal
          </button>
        </section>
      )}

      {mode === 'simulator' && (
        <div class="lab-panels">
          <section class="lab-panel" aria-label="Cluster">
            <h4>Cluster</h4>
            <ClusterView view={view} namespace={lab?.namespace ?? 'default'} playing={playing} onClock={(action: ClockAction) => send({ type: 'clock', action })} />
          </section>
          <section class="lab-panel" aria-label="Files">
            <h4>Files</h4>
            {lab && <FileEditor files={files} home={HOME} preferred={lab.starter[0]} onWrite={(path, content) => send({ type: 'write-file', path, content })} />}
          </section>
        </div>
      )}
    </div>
  );
}

// The messages between the lab island (main thread: renders) and the lab worker (owns the
// cluster, the shell, kubectl, the clock and grading). Plain data only: everything here crosses
// postMessage by structured clone.
import type { GradeReport } from '../../graders/grade.ts';

export type { GradeReport };

/** What the page needs to know about a lab to draw it (checks themselves stay in the worker). */
export interface LabMeta {
  id: string;
  title: string;
  chapter: number;
  namespace: string;
  autoCheck: boolean;
  steps: Array<{ id: string; title: string; hints: string[]; checks: Array<{ id: string; title: string }> }>;
  solution: string | undefined;
  /** Workspace paths of the starter files. */
  starter: string[];
}

export interface ViewNode {
  name: string;
  ready: boolean;
  roles: string;
  unschedulable: boolean;
}

export interface ViewPod {
  namespace: string;
  name: string;
  node: string | undefined;
  /** status.phase */
  phase: string;
  /** kubectl's STATUS column: Running, ContainerCreating, ImagePullBackOff, Terminating… */
  status: string;
  /** kubectl's READY column, "1/1". */
  readyText: string;
  ready: boolean;
  /** The owning ReplicaSet (or other controller), so a rollout's two generations can be told apart. */
  owner: string | undefined;
  image: string;
}

export interface ViewEvent {
  /** Cluster time, epoch ms. */
  time: number;
  type: string;
  reason: string;
  object: string;
  namespace: string;
  message: string;
  source: string;
}

export interface ClusterViewModel {
  now: number;
  nodes: ViewNode[];
  pods: ViewPod[];
  events: ViewEvent[];
}

export interface WorkspaceFile {
  /** Absolute path in the workspace, e.g. /home/learner/catalog-pod.yaml */
  path: string;
  content: string;
}

export type ClockAction = 'pause' | 'play' | 'step';

export type ToWorker =
  | { type: 'init'; labId: string; columns: number; rows: number }
  | { type: 'input'; data: string }
  | { type: 'resize'; columns: number; rows: number }
  /** A "Run" button: type a command at the prompt as if the learner did. */
  | { type: 'type'; command: string }
  | { type: 'run-solution' }
  | { type: 'write-file'; path: string; content: string }
  | { type: 'check'; hintsShown: Record<string, number>; reason: 'manual' | 'auto' }
  | { type: 'reset' }
  | { type: 'clock'; action: ClockAction }
  | { type: 'auto-check'; enabled: boolean }
  /** The page is going away: save now. */
  | { type: 'flush' };

export type FromWorker =
  | { type: 'ready'; lab: LabMeta; restored: boolean; startupMs: number }
  | { type: 'output'; data: string }
  | { type: 'files'; files: WorkspaceFile[] }
  | { type: 'view'; view: ClusterViewModel }
  | { type: 'clock'; playing: boolean; now: number }
  | { type: 'grade'; report: GradeReport; reason: 'manual' | 'auto' }
  | { type: 'command-done'; line: string; status: number }
  | { type: 'saved'; at: number }
  | { type: 'reset-done' }
  | { type: 'error'; message: string };

/** What the worker keeps per lab in IndexedDB (key `lab:<id>`). */
export interface SavedLab {
  format: 'wheelhouse-lab-state/v1';
  labId: string;
  savedAt: number;
  cluster: unknown;
  files: unknown;
  history: string[];
  kubeconfig: unknown;
  /** The terminal's recent output, replayed on restore so the screen looks as it was left. */
  screen: string;
}

export const savedLabKey = (labId: string) => `lab:${labId}`;

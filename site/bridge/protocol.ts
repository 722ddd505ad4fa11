// Messages over the local shell bridge's WebSocket (npm start only). Shared by the Node bridge
// and the page's client; plain data.
import type { GradeReport } from '../../graders/grade.ts';

/** What a dev page is told (inlined into dev pages only, never into the static build). */
export interface BridgePageInfo {
  token: string;
  /** Same-origin dev-server path that answers { port } (the bridge listens on its own port). */
  endpoint: string;
}

export const bridgeGlobal = '__wheelhouseBridge';
export const bridgeEndpoint = '/__wheelhouse/bridge';

export type ToBridge =
  | { type: 'spawn'; columns: number; rows: number; labId: string }
  | { type: 'input'; data: string }
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'grade'; id: number; labId: string; context: string | undefined };

export type FromBridge =
  | { type: 'hello'; pty: boolean; ptyProblem?: string; contexts: string[]; currentContext?: string; contextProblem?: string; cwd: string }
  | { type: 'output'; data: string }
  | { type: 'exit'; code: number }
  | { type: 'grade'; id: number; report: GradeReport }
  | { type: 'grade-error'; id: number; message: string }
  | { type: 'error'; message: string };

// What the request handlers share: the cluster, how to reach containers, and the clock.
import type { Cluster } from '../cluster.ts';
import type { KubeObject } from '../machinery/types.ts';
import type { LogOptions, LogResult } from '../workloads/logs.ts';

export interface ExecOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The kubelet's side of logs and exec. */
export interface PodIO {
  logs(pod: KubeObject, opts: LogOptions, now: number): LogResult;
  /** Runs a command in a running container; an error string when it cannot (not running, unknown container). */
  exec(pod: KubeObject, container: string, command: string[], now: number): ExecOutcome | { error: string };
}

export interface ServerContext {
  cluster: Cluster;
  podIO?: PodIO;
  /** host:port clients reach us at, for the legacy /api document. */
  serverAddress: string;
  /** How long a watch without timeoutSeconds stays open (upstream: 30–60 minutes). */
  watchTimeoutSeconds?: number;
}

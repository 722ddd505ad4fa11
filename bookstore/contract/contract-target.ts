// What the Bookstore contract needs from whatever runs the services: the real processes here,
// the simulator's behaviour models later. Everything goes through HTTP and the process's fate.

export type ContractService = 'catalog' | 'orders' | 'payments-worker';

export interface ContractResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** A request that got no HTTP answer: nothing listening, or no answer within timeoutMs. */
export type NoAnswer = { error: 'refused' | 'timeout' };

export type ContractReply = ContractResponse | NoAnswer;

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Give up after this long (default 3000 ms) and report a timeout. */
  timeoutMs?: number;
}

export interface ServiceUnderTest {
  request(path: string, options?: RequestOptions): Promise<ContractReply>;
  /** Sends SIGTERM, as the kubelet does when a pod is deleted. */
  terminate(): void;
  /** The exit code once the process has exited, undefined while it runs. */
  exitCode(): number | undefined;
  /** Stops it for good (SIGKILL if it must). */
  stop(): Promise<void>;
}

export interface ContractTarget {
  /** Starts one instance. `env` is laid over settings that reach working dependencies; an empty
   * string unsets a variable. Resolves as soon as the process is started, not when it listens. */
  start(service: ContractService, env?: Record<string, string>): Promise<ServiceUnderTest>;
  /** Lets time pass: real time for processes, the virtual clock in the simulator. */
  sleep(ms: number): Promise<void>;
  /** Connection settings that point at a port where nothing listens. */
  unreachable: { DATABASE_URL: string; REDIS_URL: string; AMQP_URL: string };
  /** Checks this target cannot run, by check name, with the reason. They are declared as skipped
   * tests that say why; a name that matches no check fails the suite. */
  limitations?: Record<string, string>;
}

export function answered(reply: ContractReply): reply is ContractResponse {
  return 'status' in reply;
}

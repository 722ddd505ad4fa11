// Liveness and readiness. Liveness asks only "is this process working?" and never looks at
// dependencies, or a database outage would restart every pod. Readiness asks "should this pod get
// traffic now?": start-up finished, not shutting down, required dependencies answering.
import type { FailureSwitches } from './failure-switches.ts';

export interface CheckResult {
  name: string;
  ok: boolean;
  /** Only required checks decide readiness; the others are reported for information. */
  required: boolean;
  detail?: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: CheckResult[];
}

/** Resolves when healthy; throws (or times out) when not. The message becomes the detail. */
export type DependencyCheck = () => Promise<string | void>;

export class HealthState {
  private started = false;
  private shuttingDown = false;
  private readonly dependencies: { name: string; required: boolean; check: DependencyCheck }[] = [];
  private readonly switches: Pick<FailureSwitches, 'failReadiness' | 'neverReady' | 'failLiveness'>;
  private readonly timeoutMs: number;

  constructor(switches: Pick<FailureSwitches, 'failReadiness' | 'neverReady' | 'failLiveness'>, timeoutMs = 1000) {
    this.switches = switches;
    this.timeoutMs = timeoutMs;
  }

  addDependency(name: string, check: DependencyCheck, options: { required: boolean }): void {
    this.dependencies.push({ name, required: options.required, check });
  }

  markStarted(): void {
    this.started = true;
  }

  beginShutdown(): void {
    this.shuttingDown = true;
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  liveness(): { alive: boolean; detail?: string } {
    if (this.switches.failLiveness) return { alive: false, detail: 'failure switch FAIL_LIVENESS is on' };
    return { alive: true };
  }

  async readiness(): Promise<ReadinessReport> {
    const checks: CheckResult[] = [
      { name: 'startup', ok: this.started, required: true, detail: this.started ? undefined : 'still starting' },
      { name: 'shutdown', ok: !this.shuttingDown, required: true, detail: this.shuttingDown ? 'shutting down: draining connections' : undefined },
    ];
    if (this.switches.neverReady) checks.push({ name: 'never-ready', ok: false, required: true, detail: 'this build never becomes ready (NEVER_READY)' });
    if (this.switches.failReadiness) checks.push({ name: 'failure-switch', ok: false, required: true, detail: 'failure switch FAIL_READINESS is on' });
    const results = await Promise.all(this.dependencies.map((d) => this.run(d.name, d.check, d.required)));
    checks.push(...results);
    return { ready: checks.every((c) => c.ok || !c.required), checks };
  }

  private async run(name: string, check: DependencyCheck, required: boolean): Promise<CheckResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      const detail = await Promise.race([check(), timeout]);
      return { name, ok: true, required, detail: detail || undefined };
    } catch (error) {
      return { name, ok: false, required, detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}

// Failure switches for labs: each one is off unless an env var turns it on. FAILURE_MODE is baked
// into the broken-on-purpose image tags at build time and only changes the defaults, so a lab can
// still override any single switch from the pod spec.
import { readBoolean, readChoice, readInteger, readNumber, type Env } from './config.ts';

export const failureModes = ['none', 'crash', 'never-ready', 'deadlock', 'slow-start'] as const;
export type FailureMode = (typeof failureModes)[number];

export interface FailureSwitches {
  mode: FailureMode;
  /** FAIL_READINESS: /readyz answers 503 (the pod leaves its Service's endpoints). */
  failReadiness: boolean;
  /** NEVER_READY: readiness never passes, whatever the dependencies say. */
  neverReady: boolean;
  /** FAIL_LIVENESS: /healthz answers 503 while the process keeps running. */
  failLiveness: boolean;
  /** EXTRA_LATENCY_MS: added to every /api/ route (not probes, not metrics). */
  extraLatencyMs: number;
  /** ERROR_RATE: share (0..1) of /api/ requests answered with 500. */
  errorRate: number;
  /** CPU_BURN_THREADS: worker threads spinning on the CPU, so probes keep answering. */
  cpuBurnThreads: number;
  /** MEMORY_GROWTH_MB_PER_MINUTE: memory held and never released, until MEMORY_GROWTH_LIMIT_MB (0 = no cap). */
  memoryGrowthMbPerMinute: number;
  memoryGrowthLimitMb: number;
  /** CRASH_AFTER_SECONDS: the process exits with code 1 (0 = never). */
  crashAfterSeconds: number;
  /** STARTUP_DELAY_SECONDS: the port stays closed this long after the process starts. */
  startupDelaySeconds: number;
  /** DEADLOCK_AFTER_SECONDS: the main thread blocks for good; nothing answers any more (0 = never). */
  deadlockAfterSeconds: number;
}

/** What each FAILURE_MODE turns on when the matching env var is not set. */
const modeDefaults: Record<FailureMode, Partial<Record<string, string>>> = {
  none: {},
  crash: { CRASH_AFTER_SECONDS: '10' },
  'never-ready': { NEVER_READY: 'true' },
  deadlock: { DEADLOCK_AFTER_SECONDS: '30' },
  'slow-start': { STARTUP_DELAY_SECONDS: '30' },
};

export function failureSwitchesFromEnv(env: Env): FailureSwitches {
  const mode = readChoice(env, 'FAILURE_MODE', failureModes, 'none');
  const merged: Env = { ...modeDefaults[mode], ...definedOnly(env) };
  return {
    mode,
    failReadiness: readBoolean(merged, 'FAIL_READINESS', false),
    neverReady: readBoolean(merged, 'NEVER_READY', false),
    failLiveness: readBoolean(merged, 'FAIL_LIVENESS', false),
    extraLatencyMs: readInteger(merged, 'EXTRA_LATENCY_MS', 0, { min: 0, max: 120_000 }),
    errorRate: readNumber(merged, 'ERROR_RATE', 0, { min: 0, max: 1 }),
    cpuBurnThreads: readInteger(merged, 'CPU_BURN_THREADS', 0, { min: 0, max: 16 }),
    memoryGrowthMbPerMinute: readInteger(merged, 'MEMORY_GROWTH_MB_PER_MINUTE', 0, { min: 0, max: 4096 }),
    memoryGrowthLimitMb: readInteger(merged, 'MEMORY_GROWTH_LIMIT_MB', 0, { min: 0 }),
    crashAfterSeconds: readNumber(merged, 'CRASH_AFTER_SECONDS', 0, { min: 0 }),
    startupDelaySeconds: readNumber(merged, 'STARTUP_DELAY_SECONDS', 0, { min: 0, max: 3600 }),
    deadlockAfterSeconds: readNumber(merged, 'DEADLOCK_AFTER_SECONDS', 0, { min: 0 }),
  };
}

function definedOnly(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
}

/** The switches that are on, by env var name: shown in /api/info and the startup log. */
export function activeSwitches(s: FailureSwitches): Record<string, string | number | boolean> {
  const all: Record<string, string | number | boolean> = {
    FAIL_READINESS: s.failReadiness,
    NEVER_READY: s.neverReady,
    FAIL_LIVENESS: s.failLiveness,
    EXTRA_LATENCY_MS: s.extraLatencyMs,
    ERROR_RATE: s.errorRate,
    CPU_BURN_THREADS: s.cpuBurnThreads,
    MEMORY_GROWTH_MB_PER_MINUTE: s.memoryGrowthMbPerMinute,
    CRASH_AFTER_SECONDS: s.crashAfterSeconds,
    STARTUP_DELAY_SECONDS: s.startupDelaySeconds,
    DEADLOCK_AFTER_SECONDS: s.deadlockAfterSeconds,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== false && v !== 0));
}

import { describe, expect, it } from 'vitest';
import { ConfigError, readBoolean, readInteger } from './config.ts';
import { activeSwitches, failureSwitchesFromEnv } from './failure-switches.ts';

describe('failure switches', () => {
  it('are all off by default', () => {
    expect(activeSwitches(failureSwitchesFromEnv({}))).toEqual({});
  });

  it('FAILURE_MODE (baked into broken tags) sets defaults that env can override', () => {
    expect(failureSwitchesFromEnv({ FAILURE_MODE: 'crash' }).crashAfterSeconds).toBe(10);
    expect(failureSwitchesFromEnv({ FAILURE_MODE: 'crash', CRASH_AFTER_SECONDS: '2' }).crashAfterSeconds).toBe(2);
    expect(failureSwitchesFromEnv({ FAILURE_MODE: 'never-ready' }).neverReady).toBe(true);
    expect(failureSwitchesFromEnv({ FAILURE_MODE: 'never-ready', NEVER_READY: 'false' }).neverReady).toBe(false);
    expect(failureSwitchesFromEnv({ FAILURE_MODE: 'deadlock' }).deadlockAfterSeconds).toBe(30);
    expect(failureSwitchesFromEnv({ FAILURE_MODE: 'slow-start' }).startupDelaySeconds).toBe(30);
  });

  it('reject nonsense loudly', () => {
    expect(() => failureSwitchesFromEnv({ FAILURE_MODE: 'explode' })).toThrow(/FAILURE_MODE must be one of/);
    expect(() => failureSwitchesFromEnv({ ERROR_RATE: '2' })).toThrow(/at most 1/);
    expect(() => failureSwitchesFromEnv({ FAIL_LIVENESS: 'maybe' })).toThrow(ConfigError);
  });
});

describe('config readers', () => {
  it('treat empty as unset and parse the usual spellings', () => {
    expect(readInteger({ PORT: '' }, 'PORT', 8080)).toBe(8080);
    expect(readInteger({ PORT: ' 9090 ' }, 'PORT', 8080)).toBe(9090);
    expect(() => readInteger({ PORT: '80.5' }, 'PORT', 8080)).toThrow(/whole number/);
    expect(readBoolean({ X: 'YES' }, 'X', false)).toBe(true);
    expect(readBoolean({ X: 'off' }, 'X', true)).toBe(false);
  });
});

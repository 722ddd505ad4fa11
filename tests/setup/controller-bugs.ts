// A controller that throws something other than an API error has a bug. The runtime keeps going
// (and retries), so a test that checks only the end state could pass over it; this makes every
// such bug fail the test it happened in. A test that provokes one on purpose sets runtime.onBug.
import { afterEach } from 'vitest';
import { ControllerRuntime } from '../../simulator/controllers/runtime.ts';

const bugs: string[] = [];

ControllerRuntime.reportBug = (controller, key, error) => {
  bugs.push(`${controller} failed on ${key}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
};

afterEach(() => {
  const found = bugs.splice(0);
  if (found.length) throw new Error(`${found.length} controller bug(s) during this test:\n${found.slice(0, 5).join('\n')}`);
});

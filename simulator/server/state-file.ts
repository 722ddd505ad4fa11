// --state FILE: the simulator's state on disk, read at start and written on close. Written to a
// temporary file first and renamed, so an interrupted save never leaves half a file behind.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SimState } from './sim-cluster.ts';

export function readStateFile(path: string): SimState | undefined {
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as SimState;
}

export function writeStateFile(path: string, state: SimState): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
  renameSync(tmp, path);
}

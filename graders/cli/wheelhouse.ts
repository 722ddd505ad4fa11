#!/usr/bin/env node
// The `wheelhouse` CLI entry point (Node 24 runs this TypeScript directly, no build step).
import { runCli } from './program.ts';
import { nodeIO } from './terminal.ts';

const interrupted = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve());
  process.once('SIGTERM', () => resolve());
});

process.exitCode = await runCli(process.argv.slice(2), nodeIO(), () => interrupted);
// Open handles (client-node keep-alive sockets) must not keep a finished command alive.
if (!process.argv.includes('--watch') && process.argv[2] !== 'sim') process.exit(process.exitCode);

#!/usr/bin/env node
// `wheelhouse` as npm installs it. Plain JavaScript on purpose: on a Node too old to run
// TypeScript directly, this still runs and says what to do instead of a cryptic loader error.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  console.error(`wheelhouse needs Node.js 22.19 or newer (24 LTS recommended); this is ${process.version}.`);
  process.exit(2);
}
await import('./wheelhouse.ts');

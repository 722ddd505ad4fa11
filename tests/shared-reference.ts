// Test-only: where the shared reference material (../shared/reference beside the checkout) is.
// CI always has it, so there a missing folder is an error; on a developer's machine without it,
// the tests that need it skip and say why. The product itself never reads these files.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../shared/reference');

export interface SharedReference {
  path: string;
  present: boolean;
  /** Why the tests that need it are skipped, for it.skip titles and warnings. */
  missing: string;
}

export function sharedReference(relativePath: string): SharedReference {
  const path = join(ROOT, relativePath);
  const present = existsSync(path);
  const missing = `${path} is absent (../shared/reference is not beside this checkout)`;
  if (!present && process.env.CI) throw new Error(`CI needs the shared reference material: ${missing}`);
  if (!present) console.warn(`Skipping tests that need the shared reference: ${missing}`);
  return { path, present, missing };
}

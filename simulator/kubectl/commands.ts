// Every kubectl subcommand the terminal knows, in the order `kubectl --help` lists them within
// each group. Adding a command: write its file (one command per file), then add it here.
import { annotate } from './annotate.ts';
import { apiResources } from './api-resources.ts';
import { apiVersions } from './api-versions.ts';
import { apply } from './apply.ts';
import { clusterInfo } from './cluster-info.ts';
import type { KubectlCommand } from './command.ts';
import { config } from './config.ts';
import { create } from './create.ts';
import { deleteCommand } from './delete.ts';
import { describe } from './describe.ts';
import { edit } from './edit.ts';
import { explain } from './explain.ts';
import { get } from './get.ts';
import { label } from './label.ts';
import { options } from './options.ts';
import { patch } from './patch.ts';
import { replace } from './replace.ts';
import { version } from './version.ts';

export const kubectlCommands: KubectlCommand[] = [
  // Basic Commands (Beginner)
  create,
  // Basic Commands (Intermediate)
  explain,
  get,
  edit,
  deleteCommand,
  // Cluster Management Commands
  clusterInfo,
  // Troubleshooting and Debugging Commands
  describe,
  // Advanced Commands
  apply,
  patch,
  replace,
  // Settings Commands
  label,
  annotate,
  // Other Commands
  apiResources,
  apiVersions,
  config,
  version,
  options,
];

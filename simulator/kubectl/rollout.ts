// kubectl rollout: the parent of status, history, undo, restart, pause and resume (one file each).
import type { KubectlCommand } from './command.ts';
import { rolloutHistoryCommand } from './rollout-history.ts';
import { rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand } from './rollout-restart.ts';
import { rolloutStatusCommand } from './rollout-status.ts';
import { rolloutUndoCommand } from './rollout-undo.ts';

export const rolloutCommand: KubectlCommand = {
  name: 'rollout',
  group: 'Deploy Commands',
  short: 'Manage the rollout of a resource',
  long: 'Manage the rollout of one or many resources.\n\n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets',
  example: '  # Rollback to the previous deployment\n  kubectl rollout undo deployment/abc\n\n  # Check the rollout status of a daemonset\n  kubectl rollout status daemonset/foo\n\n  # Restart a deployment\n  kubectl rollout restart deployment/abc',
  use: 'rollout SUBCOMMAND',
  subcommands: [rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand, rolloutUndoCommand],
};

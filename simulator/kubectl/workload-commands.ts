// The workload and troubleshooting commands, for createKubectl(host, { commands: workloadCommands }).
import type { KubectlCommand } from './command.ts';
import { cordonCommand, drainCommand, uncordonCommand } from './cordon-drain.ts';
import { eventsCommand } from './events.ts';
import { execCommand } from './exec.ts';
import { exposeCommand } from './expose.ts';
import { logsCommand } from './logs.ts';
import { attachCommand, authCommand, certificateCommand, cpCommand, portForwardCommand, proxyCommand, topCommand } from './not-modelled.ts';
import { rolloutCommand } from './rollout.ts';
import { runCommand } from './run.ts';
import { scaleCommand } from './scale.ts';
import { setCommand } from './set-image.ts';
import { waitCommand } from './wait.ts';

export const workloadCommands: readonly KubectlCommand[] = [
  runCommand,
  exposeCommand,
  setCommand,
  scaleCommand,
  rolloutCommand,
  logsCommand,
  execCommand,
  eventsCommand,
  waitCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  topCommand,
  portForwardCommand,
  attachCommand,
  cpCommand,
  proxyCommand,
  authCommand,
  certificateCommand,
];

export type { WorkloadHost } from './workload-host.ts';

// The simulator-only `sim` command for the lab terminal.
export { simCommand, type SimCommandOptions } from './sim.ts';

// JSON logs on stdout, one object per line, with the pod and version on every line.
import { pino, type Logger, type DestinationStream } from 'pino';
import type { ServiceIdentity } from './identity.ts';

export type { Logger };

export function createLogger(identity: ServiceIdentity, level = 'info', destination?: DestinationStream): Logger {
  const options = { level, base: { service: identity.service, version: identity.version, pod: identity.pod }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

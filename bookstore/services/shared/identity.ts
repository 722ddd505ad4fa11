// Who is answering: the service, its version and the pod it runs in. Every response carries these
// so that load balancing and rollouts are visible from the outside.
import os from 'node:os';
import { readString, type Env } from './config.ts';

export interface ServiceIdentity {
  service: string;
  version: string;
  pod: string;
  namespace: string;
  node: string;
  color: string;
  message: string;
  startedAt: string;
}

/** Pod, namespace and node come from the Downward API; outside Kubernetes the hostname stands in. */
export function identityFromEnv(service: string, env: Env, now = new Date()): ServiceIdentity {
  return {
    service,
    version: readString(env, 'APP_VERSION', 'dev'),
    pod: readString(env, 'POD_NAME', os.hostname()),
    namespace: readString(env, 'POD_NAMESPACE', 'default'),
    node: readString(env, 'NODE_NAME', 'unknown'),
    color: readString(env, 'COLOR', '#2563eb'),
    message: readString(env, 'MESSAGE', ''),
    startedAt: now.toISOString(),
  };
}

export const servedByHeader = 'X-Served-By';
export const versionHeader = 'X-App-Version';

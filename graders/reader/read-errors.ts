// Why a grade could not read the cluster. Each reason is something a learner can act on, so the
// message says what happened and what to do; the CLI maps every one of them to exit code 2.
export type ReadErrorReason =
  | 'no-kubeconfig'
  | 'unknown-context'
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'kind-not-installed'
  | 'timeout'
  | 'unknown-kind'
  | 'server-error';

export class ReadError extends Error {
  readonly reason: ReadErrorReason;
  constructor(reason: ReadErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReadError';
    this.reason = reason;
  }
}

export function isReadError(err: unknown): err is ReadError {
  return err instanceof ReadError;
}

export const readErrors = {
  noKubeconfig: (where: string) =>
    new ReadError('no-kubeconfig', `No kubeconfig found (${where}). Create a cluster with \`wheelhouse cluster up\`, start the simulator with \`wheelhouse sim start\`, or pass --kubeconfig FILE.`),
  unknownContext: (context: string, known: string[]) =>
    new ReadError('unknown-context', `There is no context "${context}" in the kubeconfig. Known contexts: ${known.length ? known.join(', ') : '(none)'}.`),
  unreachable: (server: string, why: string, cause?: unknown) =>
    new ReadError('unreachable', `Cannot reach the cluster at ${server} (${why}). Is it running? \`kubectl cluster-info\` should answer; for kind, \`docker ps\` should list wheelhouse-control-plane.`, { cause }),
  unauthorized: (server: string) =>
    new ReadError('unauthorized', `The cluster at ${server} rejected the credentials in the kubeconfig (401 Unauthorized). Refresh them, or pick another context with --context.`),
  forbidden: (verb: string, what: string, message: string) =>
    new ReadError('forbidden', `Not allowed to ${verb} ${what}: ${message}. Grading needs get, list and watch on the lab's objects.`),
  kindNotInstalled: (what: string) =>
    new ReadError('kind-not-installed', `The cluster does not serve ${what} (404 on the collection). The API (or its CRDs) is not installed.`),
  timeout: (server: string, ms: number) =>
    new ReadError('timeout', `The cluster at ${server} did not answer within ${Math.round(ms / 1000)} s. It may be overloaded or still starting; try again, or raise --timeout.`),
};

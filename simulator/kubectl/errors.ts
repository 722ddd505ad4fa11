// How kubectl reports a failure (cmdutil.CheckErr): API errors as "Error from server (Reason): …",
// Invalid errors rebuilt from their causes ("The Deployment "web" is invalid: …"), usage errors
// with the "See 'kubectl get -h'" hint, everything else prefixed with "error: ". Exit status 1.
import { ApiError, isApiError } from '../machinery/errors.ts';

/** A client-side failure; `message` is printed after "error: " (unless it already starts so). */
export class KubectlError extends Error {
  readonly exitCode: number;
  /** Print the message exactly as it is (no "error: " prefix). */
  readonly raw: boolean;
  constructor(message: string, opts: { exitCode?: number; raw?: boolean } = {}) {
    super(message);
    this.exitCode = opts.exitCode ?? 1;
    this.raw = opts.raw ?? false;
  }
}

/** A bad command line: kubectl adds a line pointing at the command's help. */
export class UsageError extends KubectlError {}

/** Several failures of one command (one per object); each is printed on its own line. */
export class ErrorList extends Error {
  readonly errors: unknown[];
  constructor(errors: unknown[]) {
    super(errors.map((e) => (e instanceof Error ? e.message : String(e))).join('\n'));
    this.errors = errors;
  }
}

/** upstream's AddSourceToErr: `error when creating "x.yaml": <message>`, keeping the Status. */
export function withSource(err: unknown, verb: string, source: string): unknown {
  if (!source) return err;
  if (isApiError(err)) {
    const status = { ...err.status, message: `error when ${verb} "${source}": ${err.status.message}` };
    return new ApiError(status);
  }
  const text = err instanceof Error ? err.message : String(err);
  return new KubectlError(`error when ${verb} "${source}": ${text}`);
}

/** StandardErrorMessage: the one-line form of an error inside a list of errors. */
function messageFor(err: unknown): string {
  if (isApiError(err)) {
    const s = err.status;
    if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message})`;
    return s.reason ? `Error from server (${s.reason}): ${s.message}` : `Error from server: ${s.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}

/** The text kubectl writes to stderr for an error (always ending with a newline), and the exit code. */
export function formatError(err: unknown, commandPath = 'kubectl'): { text: string; exitCode: number } {
  if (err instanceof ErrorList && err.errors.length === 1) err = err.errors[0];
  if (err instanceof ErrorList) {
    return { text: err.errors.map((e) => `${messageFor(e)}\n`).join(''), exitCode: 1 };
  }
  if (isApiError(err) && err.status.reason === 'Invalid') return { text: invalidText(err), exitCode: 1 };
  if (isApiError(err)) return { text: `${messageFor(err)}\n`, exitCode: 1 };
  if (err instanceof UsageError) {
    return { text: `error: ${err.message}\nSee '${commandPath} -h' for help and examples\n`, exitCode: err.exitCode };
  }
  if (err instanceof KubectlError) {
    const text = err.raw || err.message.startsWith('error: ') ? err.message : `error: ${err.message}`;
    return { text: text.endsWith('\n') || text === '' ? text : `${text}\n`, exitCode: err.exitCode };
  }
  // A bug in the simulator: say so plainly rather than pretending kubectl printed it.
  const text = err instanceof Error ? err.message : String(err);
  return { text: `error: ${text}\n`, exitCode: 1 };
}

/** "The Deployment "web" is invalid: <cause>" or, for several causes, one "* " line each. */
function invalidText(err: ApiError): string {
  const details = err.status.details;
  if (!details) return 'The request is invalid\n';
  let head = 'The request is invalid';
  if (details.kind || details.name) head = `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid`;
  const seen = new Set<string>();
  const causes: string[] = [];
  for (const c of details.causes ?? []) {
    const line = `${c.field ?? ''}: ${c.message}`;
    if (seen.has(line)) continue;
    seen.add(line);
    causes.push(line);
  }
  if (causes.length === 0) return `${head}\n`;
  if (causes.length === 1) return `${head}: ${causes[0]}\n`;
  return `${head}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}

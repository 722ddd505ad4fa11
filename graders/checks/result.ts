// What a check says about the cluster. Pass and fail are judgements; error means the check could
// not judge (cluster unreachable, kind not installed, the object it needs is not in this cluster).
export type CheckStatus = 'pass' | 'fail' | 'error';

export interface CheckOutcome {
  status: CheckStatus;
  /** Plain language for the learner: what is wrong and what to look at. */
  message: string;
  /** The object judged, as `deployment/catalog in namespace rollout`. */
  object?: string;
  /** The field judged, as `spec.template.spec.containers[0].image`. */
  field?: string;
  expected?: string;
  found?: string;
  /** Extra information shown with any status (a pass with a caveat, evidence found). */
  note?: string;
}

type Details = Omit<CheckOutcome, 'status' | 'message'>;

export function pass(message: string, details: Details = {}): CheckOutcome {
  return { status: 'pass', message, ...details };
}

export function fail(message: string, details: Details = {}): CheckOutcome {
  return { status: 'fail', message, ...details };
}

/** The check could not judge: the fault is not in the learner's work (or not only). */
export function cannotEvaluate(message: string, details: Details = {}): CheckOutcome {
  return { status: 'error', message, ...details };
}

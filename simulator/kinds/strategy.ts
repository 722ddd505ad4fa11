// How the API server treats one kind on create and update, after upstream's registry
// strategies: defaults first, then validation, then kind-specific preparation. The store
// (machinery/) calls these; each kind's file (pod.ts, deployment.ts, …) provides one.
import type { KubeObject, ListOptions, KubeList, Random, Clock, ResourceRef } from '../machinery/types.ts';

/** One field-level problem, as upstream's field.Error: its type decides the message wording. */
export type FieldErrorType =
  | 'FieldValueRequired' // "Required value"
  | 'FieldValueInvalid' // "Invalid value: <value>: <detail>"
  | 'FieldValueNotSupported' // 'Unsupported value: "x": supported values: "a", "b"'
  | 'FieldValueDuplicate' // "Duplicate value: <value>"
  | 'FieldValueForbidden' // "Forbidden: <detail>"
  | 'FieldValueTooLong' // "Too long: may not be more than N bytes"
  | 'FieldValueTooMany' // "Too many: N: must have at most M items"
  | 'FieldValueNotFound' // "Not found: <value>"
  | 'FieldValueTypeInvalid'; // "Invalid value: <value>: <detail>"

export interface FieldError {
  type: FieldErrorType;
  field: string; // 'spec.template.spec.containers[0].image'
  badValue?: unknown;
  detail?: string;
  /** How upstream prints badValue when it is a Go struct, map or slice (fmt %#v), e.g.
   * `map[string]string{"app":"x"}` or `[]string{"10.96.0.5"}`. When set, print this instead of badValue.
   * fieldErrorMessage() in field-errors.ts renders a whole cause message the upstream way. */
  goValue?: string;
}

/** What a strategy may look at while preparing an object (e.g. to allocate a ClusterIP not in use). */
export interface StrategyContext {
  list<T extends KubeObject>(ref: ResourceRef, opts?: ListOptions): KubeList<T>;
  random: Random;
  clock: Clock;
}

export interface KindStrategy {
  /** Problems upstream meets while decoding the body, before defaults or validation (a Secret's data that
   * is not base64, a quantity that does not parse). The store answers 400 BadRequest with the message
   * `<Kind> in version "<version>" cannot be handled as a <Kind>: <returned text>`. */
  checkDecodable?(obj: KubeObject): string | undefined;
  /** Upstream's admission plugins on create, after defaults and before validation (e.g. a Pod's service
   * account token volume and default tolerations). Mutates obj; returns why the object is refused, which
   * the store answers with 403 Forbidden: `<resource> "<name>" is forbidden: <returned text>`. */
  admitCreate?(obj: KubeObject, ctx: StrategyContext): string | undefined;
  /** Fill in what the API server defaults (mutates obj). Runs on create and update. */
  applyDefaults?(obj: KubeObject): void;
  /** Kind-specific preparation on create: reset status, allocate IPs/ports, set generated fields. */
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): FieldError[] | void;
  /** Preparation on update: keep status from old, carry allocated fields over. */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldError[] | void;
  validateCreate?(obj: KubeObject): FieldError[];
  validateUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
  /** Validation of a status subresource write. */
  validateStatusUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
  /** Preparation of a status subresource write: keep everything but status from old (mutates obj). */
  prepareForStatusUpdate?(obj: KubeObject, old: KubeObject): void;
}

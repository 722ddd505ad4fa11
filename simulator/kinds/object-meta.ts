// metadata checks every kind shares (apimachinery's ValidateObjectMeta): name or generateName,
// label and annotation syntax, owner references, finalizers; and what may not change on update.
import type { KubeObject, ObjectMeta } from '../machinery/types.ts';
import type { FieldError } from './strategy.ts';
import { IMMUTABLE, forbidden, invalid, required, tooLong } from './field-errors.ts';
import { isObject } from './json.ts';
import { byteLength, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, type NameCheck } from './names.ts';

/** Upstream's TotalAnnotationSizeLimitB: 256 KiB for all keys and values together. */
export const ANNOTATION_SIZE_LIMIT = 256 * 1024;

export function validateLabels(labels: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObject(labels)) return errs;
  for (const [k, raw] of Object.entries(labels)) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(path, k, msg));
    const v = typeof raw === 'string' ? raw : String(raw);
    for (const msg of isValidLabelValue(v)) errs.push(invalid(path, v, msg));
  }
  return errs;
}

export function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObject(annotations)) return errs;
  let size = 0;
  for (const [k, v] of Object.entries(annotations)) {
    // Annotation keys follow the qualified-name rule, but case does not matter.
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
    size += byteLength(k) + byteLength(typeof v === 'string' ? v : String(v));
  }
  if (size > ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, '', ANNOTATION_SIZE_LIMIT));
  return errs;
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

function validateFinalizers(finalizers: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!Array.isArray(finalizers)) return errs;
  for (const f of finalizers) {
    const name = String(f);
    const msgs = isQualifiedName(name);
    for (const msg of msgs) errs.push(invalid(path, name, msg));
    if (msgs.length === 0 && !name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
      errs.push(invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}

function validateOwnerReferences(refs: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!Array.isArray(refs)) return errs;
  const controllers: string[] = [];
  for (const ref of refs) {
    if (!isObject(ref)) continue;
    const apiVersion = typeof ref.apiVersion === 'string' ? ref.apiVersion : '';
    const version = apiVersion.includes('/') ? apiVersion.split('/')[1]! : apiVersion;
    if (!version) errs.push(invalid(`${path}.apiVersion`, apiVersion, 'version must not be empty'));
    if (!ref.kind) errs.push(invalid(`${path}.kind`, ref.kind ?? '', 'must not be empty'));
    if (!ref.name) errs.push(invalid(`${path}.name`, ref.name ?? '', 'must not be empty'));
    if (!ref.uid) errs.push(invalid(`${path}.uid`, ref.uid ?? '', 'must not be empty'));
    if (ref.controller === true) controllers.push(String(ref.name));
  }
  if (controllers.length > 1) {
    errs.push(
      invalid(
        path,
        refs,
        `Only one reference can have Controller set to true. Found "true" in references for ${controllers.join(' and ')}`,
      ),
    );
  }
  return errs;
}

/** Metadata checks on create. The store generates names from generateName before this runs. */
export function validateObjectMeta(obj: KubeObject, nameCheck: NameCheck, path = 'metadata'): FieldError[] {
  const meta: ObjectMeta = isObject(obj.metadata) ? obj.metadata : {};
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const msg of nameCheck(meta.generateName, true)) errs.push(invalid(`${path}.generateName`, meta.generateName, msg));
  }
  if (!meta.name) errs.push(required(`${path}.name`, 'name or generateName is required'));
  else for (const msg of nameCheck(meta.name, false)) errs.push(invalid(`${path}.name`, meta.name, msg));
  if (typeof meta.generation === 'number' && meta.generation < 0) {
    errs.push(invalid(`${path}.generation`, meta.generation, 'must be greater than or equal to 0'));
  }
  errs.push(...validateLabels(meta.labels, `${path}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  errs.push(...validateOwnerReferences(meta.ownerReferences, `${path}.ownerReferences`));
  errs.push(...validateFinalizers(meta.finalizers, `${path}.finalizers`));
  return errs;
}

/** Metadata checks on update: the same syntax rules, and name/namespace stay as they were. */
export function validateObjectMetaUpdate(obj: KubeObject, old: KubeObject, path = 'metadata'): FieldError[] {
  const meta = obj.metadata ?? {};
  const oldMeta = old.metadata ?? {};
  const errs: FieldError[] = [];
  if ((meta.name ?? '') !== (oldMeta.name ?? '')) errs.push(invalid(`${path}.name`, meta.name ?? '', IMMUTABLE));
  if ((meta.namespace ?? '') !== (oldMeta.namespace ?? '')) errs.push(invalid(`${path}.namespace`, meta.namespace ?? '', IMMUTABLE));
  if (oldMeta.deletionTimestamp) {
    const before = new Set(oldMeta.finalizers ?? []);
    const added = (meta.finalizers ?? []).filter((f) => !before.has(f));
    if (added.length) {
      errs.push(forbidden(`${path}.finalizers`, `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`));
    }
  }
  errs.push(...validateLabels(meta.labels, `${path}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  errs.push(...validateOwnerReferences(meta.ownerReferences, `${path}.ownerReferences`));
  errs.push(...validateFinalizers(meta.finalizers, `${path}.finalizers`));
  return errs;
}

/** Namespace names used inside other objects' fields (a namespace reference must be a DNS label). */
export function validateSubdomainRef(value: string, path: string): FieldError[] {
  return isDNS1123Subdomain(value).map((msg) => invalid(path, value, msg));
}

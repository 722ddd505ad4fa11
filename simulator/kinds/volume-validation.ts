// A pod's volumes (upstream ValidateVolumes): unique DNS-label names and exactly one source each.
// Returns the names that mounts may refer to: a volume with errors is left out, as upstream does.
import type { FieldError } from './strategy.ts';
import { duplicate, forbidden, invalid, notSupported, required } from './field-errors.ts';
import { arrayAt, isObject, numberAt, objectAt, stringAt } from './json.ts';
import { isDNS1123Label } from './names.ts';
import { VOLUME_SOURCE_FIELDS } from './pod-defaults.ts';
import { validateFieldRef, validateLocalDescendingPath } from './container-validation.ts';

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];

function validateMode(mode: unknown, path: string): FieldError[] {
  if (typeof mode !== 'number') return [];
  return mode < 0 || mode > 0o777 ? [invalid(path, mode, FILE_MODE_ERROR)] : [];
}

/** A file path inside a volume: relative, no '..' element, not starting with '..'. */
function validateLocalNonReservedPath(target: string, path: string): FieldError[] {
  const errs = validateLocalDescendingPath(target, path);
  if (target.length > 1 && target.startsWith('..')) errs.push(invalid(path, target, "must not start with '..'"));
  return errs;
}

function validateKeyToPaths(items: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  items.forEach((item, i) => {
    const p = `${path}[${i}]`;
    const k = stringAt(item, 'key') ?? '';
    if (!k) errs.push(required(`${p}.key`));
    const target = stringAt(item, 'path') ?? '';
    if (!target) errs.push(required(`${p}.path`));
    errs.push(...validateLocalNonReservedPath(target, `${p}.path`));
    errs.push(...validateMode(isObject(item) ? item.mode : undefined, `${p}.mode`));
  });
  return errs;
}

function validateDownwardAPIItems(items: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  items.forEach((item, i) => {
    const p = `${path}[${i}]`;
    const target = stringAt(item, 'path') ?? '';
    if (!target) errs.push(required(`${p}.path`));
    errs.push(...validateLocalNonReservedPath(target, `${p}.path`));
    errs.push(...validateMode(isObject(item) ? item.mode : undefined, `${p}.mode`));
    const fieldRef = objectAt(item, 'fieldRef');
    const resourceRef = objectAt(item, 'resourceFieldRef');
    if (fieldRef) errs.push(...validateFieldRef(fieldRef, `${p}.fieldRef`, VOLUME_FIELD_PATHS));
    if (fieldRef && resourceRef) errs.push(invalid(p, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
    if (!fieldRef && !resourceRef) errs.push(required(p, 'one of fieldRef and resourceFieldRef is required'));
  });
  return errs;
}

function validateProjected(src: Record<string, unknown>, path: string): FieldError[] {
  const errs = validateMode(src.defaultMode, `${path}.defaultMode`);
  arrayAt(src, 'sources').forEach((source, i) => {
    const p = `${path}.sources[${i}]`;
    let count = 0;
    for (const kind of ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle']) {
      const s = objectAt(source, kind);
      if (!s) continue;
      if (count++ > 0) {
        errs.push(forbidden(`${p}.${kind}`, 'may not specify more than 1 volume type per source'));
        continue;
      }
      if (kind === 'secret' || kind === 'configMap') errs.push(...validateKeyToPaths(arrayAt(s, 'items'), `${p}.${kind}.items`));
      if (kind === 'downwardAPI') errs.push(...validateDownwardAPIItems(arrayAt(s, 'items'), `${p}.downwardAPI.items`));
      if (kind === 'serviceAccountToken') {
        const seconds = numberAt(s, 'expirationSeconds') ?? 3600;
        if (seconds < 600) errs.push(invalid(`${p}.serviceAccountToken.expirationSeconds`, seconds, 'may not specify a duration less than 10 minutes'));
        if (seconds > 4294967296) errs.push(invalid(`${p}.serviceAccountToken.expirationSeconds`, seconds, 'may not specify a duration larger than 2^32 seconds'));
        if (!stringAt(s, 'path')) errs.push(required(`${p}.serviceAccountToken.path`));
      }
    }
    if (count === 0) errs.push(required(p, 'must specify exactly 1 volume type'));
  });
  return errs;
}

function validateSource(kind: string, src: Record<string, unknown>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  switch (kind) {
    case 'hostPath': {
      const p = stringAt(src, 'path') ?? '';
      if (!p) errs.push(required(`${path}.path`));
      const type = stringAt(src, 'type') ?? '';
      if (!HOST_PATH_TYPES.includes(type)) errs.push(notSupported(`${path}.type`, type, HOST_PATH_TYPES));
      break;
    }
    case 'secret':
      if (!stringAt(src, 'secretName')) errs.push(required(`${path}.secretName`));
      errs.push(...validateMode(src.defaultMode, `${path}.defaultMode`));
      errs.push(...validateKeyToPaths(arrayAt(src, 'items'), `${path}.items`));
      break;
    case 'configMap':
      if (!stringAt(src, 'name')) errs.push(required(`${path}.name`));
      errs.push(...validateMode(src.defaultMode, `${path}.defaultMode`));
      errs.push(...validateKeyToPaths(arrayAt(src, 'items'), `${path}.items`));
      break;
    case 'persistentVolumeClaim':
      if (!stringAt(src, 'claimName')) errs.push(required(`${path}.claimName`));
      break;
    case 'nfs': {
      if (!stringAt(src, 'server')) errs.push(required(`${path}.server`));
      const p = stringAt(src, 'path') ?? '';
      if (!p) errs.push(required(`${path}.path`));
      else if (!p.startsWith('/')) errs.push(invalid(`${path}.path`, p, 'must be an absolute path'));
      break;
    }
    case 'downwardAPI':
      errs.push(...validateMode(src.defaultMode, `${path}.defaultMode`));
      errs.push(...validateDownwardAPIItems(arrayAt(src, 'items'), `${path}.items`));
      break;
    case 'projected':
      errs.push(...validateProjected(src, path));
      break;
    case 'emptyDir': {
      const limit = src.sizeLimit;
      if (typeof limit === 'string' && limit.startsWith('-')) errs.push(forbidden(`${path}.sizeLimit`, 'SizeLimit field must be a valid resource quantity'));
      break;
    }
    case 'image':
      if (!stringAt(src, 'reference')) errs.push(required(`${path}.reference`));
      break;
  }
  return errs;
}

export function validateVolumes(volumes: unknown[], path: string): { names: Set<string>; errors: FieldError[] } {
  const names = new Set<string>();
  const errors: FieldError[] = [];
  volumes.forEach((vol, i) => {
    const p = `${path}[${i}]`;
    const el: FieldError[] = [];
    let count = 0;
    for (const kind of VOLUME_SOURCE_FIELDS) {
      const src = objectAt(vol, kind);
      if (!src) continue;
      if (count++ > 0) {
        el.push(forbidden(`${p}.${kind}`, 'may not specify more than 1 volume type'));
        continue;
      }
      el.push(...validateSource(kind, src, `${p}.${kind}`));
    }
    if (count === 0) el.push(required(p, 'must specify a volume type'));
    const name = stringAt(vol, 'name') ?? '';
    if (!name) el.push(required(`${p}.name`));
    else for (const msg of isDNS1123Label(name)) el.push(invalid(`${p}.name`, name, msg));
    if (names.has(name)) el.push(duplicate(`${p}.name`, name));
    if (el.length === 0) names.add(name);
    else errors.push(...el);
  });
  return { names, errors };
}


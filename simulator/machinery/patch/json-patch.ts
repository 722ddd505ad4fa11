// RFC 6902 JSON Patch: add, remove, replace, move, copy, test over JSON Pointers (RFC 6901).
// kube-apiserver answers a patch that cannot be applied with a bare 422; a patch document that is
// not a list of operations is a 400.
import { badRequest, invalidPatch } from '../errors.ts';
import { cloneJson, deepEqual, isPlainObject } from '../json.ts';

type Container = Record<string, unknown> | unknown[];

class PatchFailure extends Error {}

function parsePointer(pointer: unknown): string[] {
  if (typeof pointer !== 'string') throw new PatchFailure('path must be a string');
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PatchFailure(`invalid JSON pointer: ${JSON.stringify(pointer)}`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function arrayIndex(arr: unknown[], token: string, forAdd: boolean): number {
  if (forAdd && token === '-') return arr.length;
  if (!/^(0|[1-9]\d*)$/.test(token)) throw new PatchFailure(`invalid array index: ${token}`);
  const i = Number(token);
  if (forAdd ? i > arr.length : i >= arr.length) throw new PatchFailure(`index out of bounds: ${i}`);
  return i;
}

/** The container holding the last token, and that token. */
function parentOf(doc: unknown, tokens: string[], path: string): { parent: Container; last: string } {
  let cur: unknown = doc;
  for (const t of tokens.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[arrayIndex(cur, t, false)];
    else if (isPlainObject(cur) && Object.prototype.hasOwnProperty.call(cur, t)) cur = cur[t];
    else throw new PatchFailure(`doc is missing path: "${path}"`);
  }
  if (!Array.isArray(cur) && !isPlainObject(cur)) throw new PatchFailure(`doc is missing path: "${path}"`);
  return { parent: cur, last: tokens[tokens.length - 1]! };
}

function getAt(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const t of parsePointer(path)) {
    if (Array.isArray(cur)) cur = cur[arrayIndex(cur, t, false)];
    else if (isPlainObject(cur) && Object.prototype.hasOwnProperty.call(cur, t)) cur = cur[t];
    else throw new PatchFailure(`doc is missing path: "${path}"`);
  }
  return cur;
}

function add(doc: unknown, path: string, value: unknown): unknown {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return value;
  const { parent, last } = parentOf(doc, tokens, path);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, true), 0, value);
  else parent[last] = value;
  return doc;
}

function remove(doc: unknown, path: string): unknown {
  const tokens = parsePointer(path);
  if (tokens.length === 0) throw new PatchFailure('cannot remove the whole document');
  const { parent, last } = parentOf(doc, tokens, path);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, false), 1);
  else if (Object.prototype.hasOwnProperty.call(parent, last)) delete parent[last];
  else throw new PatchFailure(`unable to remove nonexistent key: ${last}: missing value`);
  return doc;
}

function replace(doc: unknown, path: string, value: unknown): unknown {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return value;
  const { parent, last } = parentOf(doc, tokens, path);
  if (Array.isArray(parent)) parent[arrayIndex(parent, last, false)] = value;
  else if (Object.prototype.hasOwnProperty.call(parent, last)) parent[last] = value;
  else throw new PatchFailure(`replace operation does not apply: doc is missing key: ${path}: missing value`);
  return doc;
}

/** Applies a JSON Patch (a list of operations) to a copy of doc. */
export function applyJsonPatch(doc: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw badRequest(`json: cannot unmarshal ${patch === null ? 'null' : typeof patch} into Go value of type jsonpatch.Patch`);
  let out = cloneJson(doc);
  try {
    for (const op of patch) {
      if (!isPlainObject(op)) throw new PatchFailure('each operation must be an object');
      const path = op.path as string;
      switch (op.op) {
        case 'add':
          if (!('value' in op)) throw new PatchFailure('missing value');
          out = add(out, path, cloneJson(op.value));
          break;
        case 'remove':
          out = remove(out, path);
          break;
        case 'replace':
          if (!('value' in op)) throw new PatchFailure('missing value');
          out = replace(out, path, cloneJson(op.value));
          break;
        case 'move': {
          const from = op.from as string;
          if (typeof path === 'string' && typeof from === 'string' && path.startsWith(`${from}/`)) throw new PatchFailure('cannot move a value into itself');
          const value = getAt(out, from);
          out = remove(out, from);
          out = add(out, path, value);
          break;
        }
        case 'copy':
          out = add(out, path, cloneJson(getAt(out, op.from as string)));
          break;
        case 'test':
          if (!deepEqual(getAt(out, path), op.value)) throw new PatchFailure(`testing value ${path} failed: test failed`);
          break;
        default:
          throw new PatchFailure(`Unexpected kind: ${String(op.op)}`);
      }
    }
  } catch (e) {
    if (e instanceof PatchFailure) throw invalidPatch(e.message);
    throw e;
  }
  return out;
}

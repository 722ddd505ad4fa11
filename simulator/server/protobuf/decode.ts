// Turns a kubectl protobuf request body into the JSON object kubectl would have sent:
// the `k8s\0` magic, a runtime.Unknown envelope naming apiVersion and kind, and the object's own
// message as raw bytes. Zero values Go writes for value fields are dropped (JSON's omitempty),
// times become RFC 3339, quantities and int-or-strings their JSON forms, bytes base64.
import protobuf from 'protobufjs';
import { badRequest, unsupportedMediaType } from '../../machinery/errors.ts';
import { pointerFields, protoRoot } from './messages.ts';

const magic = Buffer.from([0x6b, 0x38, 0x73, 0x00]); // "k8s\0"

/** Kinds whose messages we declare, by apiVersion/kind. */
const messageFor: Record<string, string> = {
  'v1/Namespace': 'Namespace',
  'v1/ConfigMap': 'ConfigMap',
  'v1/Secret': 'Secret',
  'v1/Service': 'Service',
  'v1/ServiceAccount': 'ServiceAccount',
  'v1/ResourceQuota': 'ResourceQuota',
  'apps/v1/Deployment': 'Deployment',
  'batch/v1/Job': 'Job',
  'batch/v1/CronJob': 'CronJob',
};

/** int64 fields decode as a number, or as a Long ({low, high}) when the long package is present. */
function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && v !== null && 'low' in v && 'high' in v) {
    const { low, high } = v as { low: number; high: number };
    return high * 0x1_0000_0000 + (low >>> 0);
  }
  return Number(v);
}

function isZero(v: unknown): boolean {
  if (v === '' || v === false || v === 0) return true;
  return typeof v === 'object' && v !== null && 'low' in v && toNumber(v) === 0;
}

function rfc3339(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

type Json = unknown;

/** A special apimachinery type's JSON form, or undefined (= leave the field out). */
function specialValue(typeName: string, msg: protobuf.Message<object> & Record<string, unknown>): Json | undefined {
  switch (typeName) {
    case 'Time': {
      const s = msg.seconds === undefined ? 0 : toNumber(msg.seconds);
      return s === 0 ? undefined : rfc3339(s);
    }
    case 'Quantity':
      return typeof msg.string === 'string' ? msg.string : '0';
    case 'IntOrString': {
      const t = msg.type === undefined ? 0 : toNumber(msg.type);
      return t === 1 ? (msg.strVal ?? '') : toNumber(msg.intVal ?? 0);
    }
    default:
      return null;
  }
}

function valueToJson(field: protobuf.Field, value: unknown): Json | undefined {
  if (field.resolvedType instanceof protobuf.Type) return messageToJson(field.resolvedType, value as protobuf.Message<object> & Record<string, unknown>);
  if (field.type === 'bytes') return Buffer.from(value as Uint8Array).toString('base64');
  if (field.type === 'int64' || field.type === 'uint64') return toNumber(value);
  return value;
}

function messageToJson(type: protobuf.Type, msg: protobuf.Message<object> & Record<string, unknown>): Json | undefined {
  const special = specialValue(type.name, msg);
  if (special !== null) return special;
  const out: Record<string, Json> = {};
  for (const field of type.fieldsArray) {
    if (!Object.prototype.hasOwnProperty.call(msg, field.name)) continue;
    const value = msg[field.name];
    if (field.map) {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) continue;
      const map: Record<string, Json> = {};
      for (const [k, v] of entries) {
        const converted = valueToJson(field, v);
        if (converted !== undefined) map[k] = converted;
      }
      out[field.name] = map;
    } else if (field.repeated) {
      const items = value as unknown[];
      if (items.length === 0) continue;
      out[field.name] = items.map((v) => valueToJson(field, v) ?? null);
    } else {
      if (!(field.resolvedType instanceof protobuf.Type) && isZero(value) && !pointerFields.has(`${type.name}.${field.name}`)) continue;
      const converted = valueToJson(field, value);
      if (converted !== undefined) out[field.name] = converted;
    }
  }
  return out;
}

export function isProtobufBody(body: Buffer): boolean {
  return body.length >= 4 && body.subarray(0, 4).equals(magic);
}

/** Decodes a protobuf request body into a JSON object with apiVersion and kind. */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
  if (!isProtobufBody(body)) throw badRequest('provided object is not a protobuf message: missing the k8s magic prefix');
  const root = protoRoot();
  const Unknown = root.lookupType('k8s.Unknown');
  let envelope: protobuf.Message<object> & Record<string, unknown>;
  try {
    envelope = Unknown.decode(body.subarray(4)) as typeof envelope;
  } catch (e) {
    throw badRequest(`unable to decode the protobuf envelope: ${(e as Error).message}`);
  }
  const typeMeta = (envelope.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
  const apiVersion = typeMeta.apiVersion ?? '';
  const kind = typeMeta.kind ?? '';
  const name = messageFor[`${apiVersion}/${kind}`];
  if (!name) {
    // We cannot read this kind's message: say so the way an API server without that codec would.
    throw unsupportedMediaType(['application/json', 'application/yaml']);
  }
  const type = root.lookupType(`k8s.${name}`);
  let msg: protobuf.Message<object> & Record<string, unknown>;
  try {
    msg = type.decode((envelope.raw as Uint8Array | undefined) ?? new Uint8Array()) as typeof msg;
  } catch (e) {
    throw badRequest(`unable to decode ${kind}: ${(e as Error).message}`);
  }
  const json = (messageToJson(type, msg) ?? {}) as Record<string, unknown>;
  return { kind, apiVersion, ...json };
}

/** The kinds we can decode, for tests and the report. */
export const decodableKinds = Object.keys(messageFor);

// Field selectors (`--field-selector`, `?fieldSelector=`): `key=value`, `key==value`, `key!=value`,
// comma-separated, over the few fields each kind indexes upstream. Any other field is refused with
// upstream's "field label not supported" 400.
import { badRequest } from './errors.ts';
import type { KubeObject } from './types.ts';

export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

export interface FieldSelector {
  readonly requirements: readonly FieldRequirement[];
  readonly empty: boolean;
  matches(obj: KubeObject): boolean;
}

type Getter = (obj: KubeObject) => string;

function path(...keys: string[]): Getter {
  return (obj) => {
    let cur: unknown = obj;
    for (const k of keys) {
      if (cur === null || typeof cur !== 'object') return '';
      cur = (cur as Record<string, unknown>)[k];
    }
    return cur === undefined || cur === null ? '' : String(cur);
  };
}

function boolField(...keys: string[]): Getter {
  const get = path(...keys);
  return (obj) => (get(obj) === 'true' ? 'true' : 'false');
}

const common: Record<string, Getter> = {
  'metadata.name': path('metadata', 'name'),
  'metadata.namespace': path('metadata', 'namespace'),
};

/** The fields each kind can be selected by, after upstream's registry GetAttrs / field label conversions. */
const byKind: Record<string, Record<string, Getter>> = {
  Pod: {
    'spec.nodeName': path('spec', 'nodeName'),
    'spec.restartPolicy': path('spec', 'restartPolicy'),
    'spec.schedulerName': path('spec', 'schedulerName'),
    'spec.serviceAccountName': path('spec', 'serviceAccountName'),
    'spec.hostNetwork': boolField('spec', 'hostNetwork'),
    'status.phase': path('status', 'phase'),
    'status.podIP': path('status', 'podIP'),
    'status.nominatedNodeName': path('status', 'nominatedNodeName'),
  },
  Event: {
    'involvedObject.kind': path('involvedObject', 'kind'),
    'involvedObject.namespace': path('involvedObject', 'namespace'),
    'involvedObject.name': path('involvedObject', 'name'),
    'involvedObject.uid': path('involvedObject', 'uid'),
    'involvedObject.apiVersion': path('involvedObject', 'apiVersion'),
    'involvedObject.resourceVersion': path('involvedObject', 'resourceVersion'),
    'involvedObject.fieldPath': path('involvedObject', 'fieldPath'),
    reason: path('reason'),
    reportingComponent: path('reportingComponent'),
    source: path('source', 'component'),
    type: path('type'),
  },
  Secret: { type: path('type') },
  Namespace: { 'status.phase': path('status', 'phase') },
  Node: { 'spec.unschedulable': boolField('spec', 'unschedulable') },
  Job: { 'status.successful': (obj) => String((obj.status as { successful?: number } | undefined)?.successful ?? 0) },
  ReplicaSet: { 'status.replicas': (obj) => String((obj.status as { replicas?: number } | undefined)?.replicas ?? 0) },
  ReplicationController: { 'status.replicas': (obj) => String((obj.status as { replicas?: number } | undefined)?.replicas ?? 0) },
  Service: { 'spec.clusterIP': path('spec', 'clusterIP'), 'spec.type': path('spec', 'type') },
};

/** The field labels a kind supports, for help texts and tests. */
export function supportedFieldLabels(kind: string): string[] {
  return [...Object.keys(common), ...Object.keys(byKind[kind] ?? {})];
}

function getterFor(kind: string, field: string): Getter | undefined {
  return common[field] ?? byKind[kind]?.[field];
}

/** Splits on commas that are not escaped with a backslash. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[i + 1];
      i++;
    } else if (ch === ',') {
      terms.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  terms.push(current);
  return terms;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/** Parses and checks a field selector for one kind. Throws a 400 ApiError like kube-apiserver. */
export function parseFieldSelector(text: string | undefined, kind: string): FieldSelector {
  const requirements: FieldRequirement[] = [];
  if (text !== undefined && text.trim() !== '') {
    for (const term of splitTerms(text)) {
      if (term === '') continue;
      // Operators are tried in this order, so `a!=b` is not read as `a!` = `b`.
      const match = /^(.*?)(!=|==|=)(.*)$/.exec(term);
      if (!match) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
      const field = match[1]!.trim();
      if (!getterFor(kind, field)) throw badRequest(`field label not supported: ${field}`);
      requirements.push({ field, operator: match[2] === '!=' ? '!=' : '=', value: unescape(match[3]!) });
    }
  }
  const getters = requirements.map((r) => getterFor(kind, r.field)!);
  return {
    requirements,
    empty: requirements.length === 0,
    matches(obj) {
      for (let i = 0; i < requirements.length; i++) {
        const r = requirements[i]!;
        const equal = getters[i]!(obj) === r.value;
        if (equal !== (r.operator === '=')) return false;
      }
      return true;
    },
  };
}

// `kubectl get hpa`: the scale target, each metric's current/target value, and the replica bounds.
import type { KubeObject } from '../machinery/types.ts';
import { age } from './duration.ts';
import { ageColumn, column, nameColumn, type KindPrinter } from './table.ts';

interface HpaLike extends KubeObject {
  spec?: {
    scaleTargetRef?: { kind?: string; name?: string };
    minReplicas?: number;
    maxReplicas?: number;
    metrics?: MetricSpec[];
  };
  status?: { currentReplicas?: number; currentMetrics?: MetricStatus[] };
}

interface MetricTarget {
  type?: string;
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
}
interface MetricSpec {
  type: string;
  resource?: { name: string; target: MetricTarget };
  containerResource?: { name: string; container: string; target: MetricTarget };
  pods?: { target: MetricTarget };
  object?: { target: MetricTarget };
  external?: { target: MetricTarget };
}
interface MetricValue {
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
}
interface MetricStatus {
  resource?: { current: MetricValue };
  containerResource?: { current: MetricValue };
  pods?: { current: MetricValue };
  object?: { current: MetricValue };
  external?: { current: MetricValue };
}

/** TARGETS: `cpu: 40%/80%`, `<unknown>/80%` before metrics arrive; at most two, then `+ N more...`. */
function hpaTargets(specs: MetricSpec[] | undefined, statuses: MetricStatus[] | undefined): string {
  const list: string[] = [];
  const all = specs ?? [];
  if (all.length === 0) return '<none>';
  all.forEach((spec, i) => {
    const st = statuses?.[i];
    const pick = (cur: MetricValue | undefined, key: 'value' | 'averageValue'): string => cur?.[key] ?? '<unknown>';
    switch (spec.type) {
      case 'Resource':
      case 'ContainerResource': {
        const src = spec.type === 'Resource' ? spec.resource : spec.containerResource;
        const cur = spec.type === 'Resource' ? st?.resource?.current : st?.containerResource?.current;
        if (!src) break;
        if (src.target.averageValue !== undefined) {
          list.push(`${src.name}: ${pick(cur, 'averageValue')}/${src.target.averageValue}`);
        } else {
          const current = cur?.averageUtilization !== undefined ? `${cur.averageUtilization}%` : '<unknown>';
          const target = src.target.averageUtilization !== undefined ? `${src.target.averageUtilization}%` : '<auto>';
          list.push(`${src.name}: ${current}/${target}`);
        }
        break;
      }
      case 'Pods':
        list.push(`${pick(st?.pods?.current, 'averageValue')}/${spec.pods?.target.averageValue ?? ''}`);
        break;
      case 'Object':
      case 'External': {
        const src = spec.type === 'Object' ? spec.object : spec.external;
        const cur = spec.type === 'Object' ? st?.object?.current : st?.external?.current;
        if (src?.target.averageValue !== undefined) {
          list.push(`${pick(cur, 'averageValue')}/${src.target.averageValue} (avg)`);
        } else {
          list.push(`${pick(cur, 'value')}/${src?.target.value ?? ''}`);
        }
        break;
      }
      default:
        list.push('<unknown type>');
    }
  });
  if (list.length > 2) return `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...`;
  return list.join(', ');
}

export const hpaPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Reference', 'The workload this autoscaler scales.'),
    column('Targets', 'Current and target values of each metric.'),
    column('MinPods', 'The fewest replicas it scales down to.'),
    column('MaxPods', 'The most replicas it scales up to.'),
    column('Replicas', 'How many replicas there are now.'),
    ageColumn(),
  ],
  row(obj, now) {
    const hpa = obj as HpaLike;
    const ref = hpa.spec?.scaleTargetRef ?? {};
    return {
      cells: [
        hpa.metadata.name ?? '',
        `${ref.kind ?? ''}/${ref.name ?? ''}`,
        hpaTargets(hpa.spec?.metrics, hpa.status?.currentMetrics),
        hpa.spec?.minReplicas !== undefined ? String(hpa.spec.minReplicas) : '<unset>',
        hpa.spec?.maxReplicas ?? 0,
        hpa.status?.currentReplicas ?? 0,
        age(hpa.metadata.creationTimestamp, now),
      ],
    };
  },
};

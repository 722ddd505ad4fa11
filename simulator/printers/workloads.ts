// Columns for the workload controllers (apps/v1 and batch/v1): what `kubectl get deploy,rs,sts,ds,job,cj`
// shows. Counts are JSON numbers, as the server sends int64 cells; ratios like READY are strings.
import type { KubeObject } from '../machinery/types.ts';
import { age, humanDuration, parseTime } from './duration.ts';
import { containerCells, formatLabelSelector, formatLabels, selectorString, type LabelSelector } from './labels.ts';
import { ageColumn, column, nameColumn, type KindPrinter, type TableColumnDefinition } from './table.ts';

interface TemplateLike {
  metadata?: { labels?: Record<string, string> };
  spec?: { containers?: { name: string; image?: string }[]; nodeSelector?: Record<string, string> };
}

interface WorkloadLike extends KubeObject {
  spec?: { replicas?: number; selector?: LabelSelector; template?: TemplateLike };
  status?: Record<string, unknown>;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

const CONTAINERS = (): TableColumnDefinition =>
  column('Containers', 'Names of each container in the template.', { priority: 1 });
const IMAGES = (): TableColumnDefinition =>
  column('Images', 'Images referenced by each container in the template.', { priority: 1 });
const SELECTOR = (): TableColumnDefinition =>
  column('Selector', 'The label query that picks the pods this object manages.', { priority: 1 });

export const replicaSetPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Desired', 'How many replicas the spec asks for.', { type: 'integer' }),
    column('Current', 'How many replicas exist.', { type: 'integer' }),
    column('Ready', 'How many replicas are ready.', { type: 'integer' }),
    ageColumn(),
    CONTAINERS(),
    IMAGES(),
    SELECTOR(),
  ],
  row(obj, now) {
    const rs = obj as WorkloadLike;
    const { names, images } = containerCells(rs.spec?.template?.spec?.containers);
    return {
      cells: [
        rs.metadata.name ?? '',
        num(rs.spec?.replicas),
        num(rs.status?.replicas),
        num(rs.status?.readyReplicas),
        age(rs.metadata.creationTimestamp, now),
        names,
        images,
        formatLabelSelector(rs.spec?.selector),
      ],
    };
  },
};

export const deploymentPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Ready', 'Number of the pod with ready state'),
    column('Up-to-date', 'How many replicas run the latest pod template.'),
    column('Available', 'How many replicas have been ready for at least minReadySeconds.'),
    ageColumn(),
    CONTAINERS(),
    IMAGES(),
    SELECTOR(),
  ],
  row(obj, now) {
    const d = obj as WorkloadLike;
    const { names, images } = containerCells(d.spec?.template?.spec?.containers);
    return {
      cells: [
        d.metadata.name ?? '',
        `${num(d.status?.readyReplicas)}/${num(d.spec?.replicas)}`,
        num(d.status?.updatedReplicas),
        num(d.status?.availableReplicas),
        age(d.metadata.creationTimestamp, now),
        names,
        images,
        // A Deployment prints its selector as is, '' when it selects everything.
        selectorString(d.spec?.selector),
      ],
    };
  },
};

export const statefulSetPrinter: KindPrinter = {
  columns: [nameColumn(), column('Ready', 'Number of the pod with ready state'), ageColumn(), CONTAINERS(), IMAGES()],
  row(obj, now) {
    const s = obj as WorkloadLike;
    const { names, images } = containerCells(s.spec?.template?.spec?.containers);
    return {
      cells: [
        s.metadata.name ?? '',
        `${num(s.status?.readyReplicas)}/${num(s.spec?.replicas)}`,
        age(s.metadata.creationTimestamp, now),
        names,
        images,
      ],
    };
  },
};

export const daemonSetPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Desired', 'How many nodes should run the daemon pod.', { type: 'integer' }),
    column('Current', 'How many nodes run at least one daemon pod.', { type: 'integer' }),
    column('Ready', 'How many nodes have a ready daemon pod.', { type: 'integer' }),
    column('Up-to-date', 'How many nodes run the latest pod template.', { type: 'integer' }),
    column('Available', 'How many nodes have an available daemon pod.', { type: 'integer' }),
    column('Node Selector', 'The node labels the daemon pods are restricted to.'),
    ageColumn(),
    CONTAINERS(),
    IMAGES(),
    SELECTOR(),
  ],
  row(obj, now) {
    const ds = obj as WorkloadLike;
    const st = ds.status ?? {};
    const { names, images } = containerCells(ds.spec?.template?.spec?.containers);
    return {
      cells: [
        ds.metadata.name ?? '',
        num(st.desiredNumberScheduled),
        num(st.currentNumberScheduled),
        num(st.numberReady),
        num(st.updatedNumberScheduled),
        num(st.numberAvailable),
        formatLabels(ds.spec?.template?.spec?.nodeSelector),
        age(ds.metadata.creationTimestamp, now),
        names,
        images,
        formatLabelSelector(ds.spec?.selector),
      ],
    };
  },
};

interface JobLike extends KubeObject {
  spec?: {
    completions?: number;
    parallelism?: number;
    selector?: LabelSelector;
    template?: TemplateLike;
  };
  status?: {
    succeeded?: number;
    startTime?: string;
    completionTime?: string;
    conditions?: { type: string; status: string }[];
  };
}

function jobCondition(job: JobLike, type: string): boolean {
  const c = (job.status?.conditions ?? []).find((cond) => cond.type === type);
  return c?.status === 'True';
}

/** Complete, Failed, Terminating, Suspended, FailureTarget or Running, in that order of precedence. */
export function jobStatusText(job: JobLike): string {
  if (jobCondition(job, 'Complete')) return 'Complete';
  if (jobCondition(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (jobCondition(job, 'Suspended')) return 'Suspended';
  if (jobCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function jobCompletions(job: JobLike): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined && job.spec.completions !== null) {
    return `${succeeded}/${job.spec.completions}`;
  }
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: JobLike, now: number): string {
  const start = parseTime(job.status?.startTime);
  if (start === undefined) return '';
  const end = parseTime(job.status?.completionTime);
  return humanDuration((end ?? now) - start);
}

export const jobPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Status', 'Status of the job.'),
    column('Completions', 'How many pods have succeeded, out of how many are wanted.'),
    column('Duration', 'Time required to complete the job.'),
    ageColumn(),
    CONTAINERS(),
    IMAGES(),
    SELECTOR(),
  ],
  row(obj, now) {
    const job = obj as JobLike;
    const { names, images } = containerCells(job.spec?.template?.spec?.containers);
    return {
      cells: [
        job.metadata.name ?? '',
        jobStatusText(job),
        jobCompletions(job),
        jobDuration(job, now),
        age(job.metadata.creationTimestamp, now),
        names,
        images,
        formatLabelSelector(job.spec?.selector),
      ],
    };
  },
};

interface CronJobLike extends KubeObject {
  spec?: {
    schedule?: string;
    timeZone?: string;
    suspend?: boolean;
    jobTemplate?: { spec?: { selector?: LabelSelector; template?: TemplateLike } };
  };
  status?: { active?: unknown[]; lastScheduleTime?: string };
}

export function boolText(value: boolean | undefined | null): string {
  if (value === undefined || value === null) return '<unset>';
  return value ? 'True' : 'False';
}

export const cronJobPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Schedule', 'The cron schedule the jobs are created on.'),
    column('Timezone', 'The time zone the schedule is read in.'),
    column('Suspend', 'Whether new jobs are held back.', { type: 'boolean' }),
    column('Active', 'How many of its jobs are running.', { type: 'integer' }),
    column('Last Schedule', 'When a job was last scheduled.'),
    ageColumn(),
    CONTAINERS(),
    IMAGES(),
    SELECTOR(),
  ],
  row(obj, now) {
    const cj = obj as CronJobLike;
    const template = cj.spec?.jobTemplate?.spec;
    const { names, images } = containerCells(template?.template?.spec?.containers);
    const last = cj.status?.lastScheduleTime;
    return {
      cells: [
        cj.metadata.name ?? '',
        cj.spec?.schedule ?? '',
        cj.spec?.timeZone ?? '<none>',
        boolText(cj.spec?.suspend),
        (cj.status?.active ?? []).length,
        last ? age(last, now) : '<none>',
        age(cj.metadata.creationTimestamp, now),
        names,
        images,
        formatLabelSelector(template?.selector),
      ],
    };
  },
};

/** "deployment.apps/web": lower-case kind, the API group when there is one, and the name. */
export function kindSlashName(apiVersion: string, kind: string, name: string): string {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const groupKind = group ? `${kind}.${group}` : kind;
  return `${groupKind.toLowerCase()}/${name}`;
}

interface ControllerRevisionLike extends KubeObject {
  revision?: number;
}

export const controllerRevisionPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Controller', 'Controller of the object'),
    column('Revision', 'The revision number this snapshot holds.'),
    ageColumn(),
  ],
  row(obj, now) {
    const cr = obj as ControllerRevisionLike;
    const owner = (cr.metadata.ownerReferences ?? []).find((o) => o.controller === true);
    return {
      cells: [
        cr.metadata.name ?? '',
        owner ? kindSlashName(owner.apiVersion, owner.kind, owner.name) : '<none>',
        cr.revision ?? 0,
        age(cr.metadata.creationTimestamp, now),
      ],
    };
  },
};

import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../machinery/types.ts';
import { cronScheduleError } from './cron-schedule.ts';
import { create, update } from './test-kit.ts';

const UID = '5f0c6a3e-1b2d-4c5e-8f90-123456789abc';
const pi = { containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-e', 'print 1'] }] };

function job(spec: Record<string, unknown>, name = 'pi'): KubeObject {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default' }, spec };
}

describe('Job', () => {
  it('defaults and the generated selector, as a real API server stores them', () => {
    const r = create(job({ template: { spec: { ...pi, restartPolicy: 'Never' } }, backoffLimit: 4 }));
    expect(r.errors).toEqual([]);
    const labels = {
      'batch.kubernetes.io/controller-uid': UID,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': UID,
      'job-name': 'pi',
    };
    expect(r.obj.metadata.labels).toEqual(labels);
    expect(r.obj.spec).toMatchObject({
      backoffLimit: 4,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': UID } },
      suspend: false,
      template: { metadata: { labels } },
    });
    expect(r.obj.status).toEqual({});
  });

  it('restartPolicy Always (the pod default) is refused', () => {
    expect(create(job({ template: { spec: pi } })).messages).toEqual([
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
  });

  it('a name that is a template placeholder', () => {
    const r = create(job({ template: { spec: { ...pi, restartPolicy: 'Never' } } }, 'process-item-$ITEM'));
    expect(r.messages[0]).toMatch(/^metadata\.name: Invalid value: "process-item-\$ITEM": a lowercase RFC 1123 subdomain/);
  });

  it('the template may not change', () => {
    const stored = create(job({ template: { spec: { ...pi, restartPolicy: 'Never' } } })).obj;
    const next = structuredClone(stored);
    ((next.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!).image = 'perl:5.36';
    expect(update(next, stored).messages).toEqual(['spec.template: Invalid value: core.PodTemplateSpec{…}: field is immutable']);
  });
});

describe('CronJob', () => {
  it.each([
    ['*/5 * * * *', undefined],
    ['@hourly', undefined],
    ['0 0 * * MON-FRI', undefined],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['61 * * * *', 'end of range (61) above maximum (59): 61'],
    ['@often', 'unrecognized descriptor: @often'],
  ])('schedule %j', (schedule, error) => {
    expect(cronScheduleError(schedule)).toBe(error);
  });

  it('defaults and a bad schedule', () => {
    const cj: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello' },
      spec: { schedule: '* * * *', jobTemplate: { spec: { template: { spec: { ...pi, restartPolicy: 'OnFailure' } } } } },
    };
    const r = create(cj);
    expect(r.messages).toEqual(['spec.schedule: Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]']);
    expect(r.obj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
  });
});

describe('StatefulSet', () => {
  const sts = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' }, spec });
  const base = {
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] } },
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
  };

  it('defaults as a real API server stores them; mounts of claim templates are fine', () => {
    const r = create(sts(base));
    expect(r.errors).toEqual([]);
    expect(r.obj.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      replicas: 1,
      revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      volumeClaimTemplates: [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } }],
    });
  });

  it('only some spec fields may change', () => {
    const stored = create(sts(base)).obj;
    const next = structuredClone(stored);
    (next.spec as Record<string, unknown>).serviceName = 'other';
    expect(update(next, stored).messages).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });
});

describe('PersistentVolumeClaim and ResourceQuota', () => {
  it('a claim needs access modes and a storage request', () => {
    const r = create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: {} });
    expect(r.messages).toEqual(['spec.accessModes: Required value: at least 1 access mode is required', 'spec.resources[storage]: Required value']);
    expect(r.obj.status).toEqual({ phase: 'Pending' });
  });

  it('a quota on something quota does not know', () => {
    const r = create({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { pods: '10', 'requests.cpu': '1', gpus: '2' } } });
    expect(r.messages).toEqual(['spec.hard[gpus]: Invalid value: "gpus": must be a standard resource for quota']);
  });
});

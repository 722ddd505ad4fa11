// CronJob (batch/v1): defaults (Allow, suspend false, history 3/1), a schedule the cron parser
// accepts, a name short enough for the Jobs it creates, and a Job template with a valid restartPolicy.
import type { FieldError, KindStrategy } from './strategy.ts';
import { invalid, notSupported, required } from './field-errors.ts';
import { ensureObject, objectAt, setDefault, stringAt } from './json.ts';
import { nameIsDNSSubdomain } from './names.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { podSpecDecodeError } from './pod.ts';
import { cronScheduleError } from './cron-schedule.ts';
import { validateJobSpec } from './job.ts';
import { keepSpec, keepStatus, nonNegative, resetStatus } from './workload-common.ts';
import type { KubeObject } from '../machinery/types.ts';

function validateSpec(obj: KubeObject): FieldError[] {
  const spec = objectAt(obj, 'spec');
  const errs: FieldError[] = [];
  const schedule = stringAt(spec, 'schedule') ?? '';
  if (!schedule) errs.push(required('spec.schedule'));
  else {
    const err = cronScheduleError(schedule);
    if (err) errs.push(invalid('spec.schedule', schedule, err));
    else if (/(^|\s)(CRON_)?TZ=/.test(schedule)) {
      errs.push(invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
    }
  }
  const policy = stringAt(spec, 'concurrencyPolicy') ?? '';
  if (!policy) errs.push(required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(policy)) errs.push(notSupported('spec.concurrencyPolicy', policy, ['Allow', 'Forbid', 'Replace']));
  for (const f of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) errs.push(...nonNegative(spec, f, `spec.${f}`));
  const jobTemplate = objectAt(spec, 'jobTemplate');
  errs.push(...validateJobSpec(objectAt(jobTemplate, 'spec'), 'spec.jobTemplate.spec'));
  return errs;
}

function validateName(obj: KubeObject): FieldError[] {
  const name = obj.metadata.name ?? '';
  // Jobs are named <cronjob>-<11 characters>, and must still fit a DNS-1035 label.
  return name.length > 52 ? [invalid('metadata.name', name, 'must be no more than 52 characters')] : [];
}

export const cronJobStrategy: KindStrategy = {
  checkDecodable(obj) {
    return podSpecDecodeError(objectAt(objectAt(objectAt(objectAt(obj.spec, 'jobTemplate'), 'spec'), 'template'), 'spec'));
  },
  applyDefaults(obj) {
    const spec = ensureObject(obj, 'spec');
    setDefault(spec, 'concurrencyPolicy', 'Allow');
    setDefault(spec, 'suspend', false);
    setDefault(spec, 'successfulJobsHistoryLimit', 3);
    setDefault(spec, 'failedJobsHistoryLimit', 1);
    defaultPodTemplate(objectAt(objectAt(spec, 'jobTemplate'), 'spec')?.template);
  },
  prepareForCreate(obj) {
    resetStatus(obj);
  },
  prepareForUpdate(obj, old) {
    keepStatus(obj, old);
  },
  prepareForStatusUpdate(obj, old) {
    keepSpec(obj, old);
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj, nameIsDNSSubdomain), ...validateName(obj), ...validateSpec(obj)];
  },
  validateUpdate(obj, old) {
    return [...validateObjectMetaUpdate(obj, old), ...validateSpec(obj)];
  },
};

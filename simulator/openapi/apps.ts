// apps/v1: Deployments, ReplicaSets, StatefulSets, DaemonSets and ControllerRevisions, plus the
// autoscaling/v1 Scale their scale subresource speaks.
import { bool, condition, defName, enumOf, gvk, int, intOrString, keyedList, kind, kindWithList, long, obj, ref, refs, str, time, type Definitions, type Schema } from './schema.ts';

const a = (name: string) => defName(`apps.v1.${name}`);
const apps = (kindName: string) => gvk('apps', 'v1', kindName);

const selector = (what: string) =>
  ref('meta.v1.LabelSelector', `Which pods belong to the ${what}. Must match the template's labels. Cannot be changed after creation in apps/v1.`);
const template = (what: string) => ref('core.v1.PodTemplateSpec', `The pods the ${what} creates.`);
const minReady = int('Seconds a new pod must be ready, without a container crashing, before it counts as available. Default 0.');
const revisionHistoryLimit = (what: string) => int(`How many old ${what} to keep for rollbacks. Default 10.`);
const conditions = (def: string, what: string) => keyedList(def, `Conditions of the ${what}.`, 'type', null);

const withList = (k: string, def: Schema): Definitions => kindWithList(apps(k), 'apps.v1', def);

export const appsDefinitions: Definitions = {
  ...withList(
    'Deployment',
    kind(apps('Deployment'), 'A Deployment runs a number of identical pods and updates them declaratively: a new template rolls out through a new ReplicaSet, and can be rolled back.', {
      spec: ref('apps.v1.DeploymentSpec', 'The desired state of the Deployment.'),
      status: ref('apps.v1.DeploymentStatus', 'The most recently observed state. Read-only.'),
    }),
  ),
  [a('DeploymentSpec')]: obj(
    'The desired state of a Deployment.',
    {
      minReadySeconds: minReady,
      paused: bool('While true, template changes do not start a rollout.'),
      progressDeadlineSeconds: int('Seconds a rollout may make no progress before the Deployment reports ProgressDeadlineExceeded. Default 600.'),
      replicas: int('The number of pods wanted. Default 1.'),
      revisionHistoryLimit: revisionHistoryLimit('ReplicaSets'),
      selector: selector('Deployment'),
      strategy: ref('apps.v1.DeploymentStrategy', 'How old pods are replaced by new ones.', { 'x-kubernetes-patch-strategy': 'retainKeys' }),
      template: template('Deployment'),
    },
    ['selector', 'template'],
  ),
  [a('DeploymentStrategy')]: obj('How a Deployment replaces pods.', {
    rollingUpdate: ref('apps.v1.RollingUpdateDeployment', 'Settings of the RollingUpdate strategy.'),
    type: enumOf(['Recreate', 'RollingUpdate'], 'RollingUpdate (default) replaces pods gradually; Recreate deletes all old pods before creating new ones.'),
  }),
  [a('RollingUpdateDeployment')]: obj('Settings of a rolling update.', {
    maxSurge: intOrString('How many pods (or what percentage, rounded up) may exist above the desired count during the update. Default 25%.'),
    maxUnavailable: intOrString('How many pods (or what percentage, rounded down) may be unavailable during the update. Default 25%.'),
  }),
  [a('DeploymentStatus')]: obj('The observed state of a Deployment.', {
    availableReplicas: int('Pods ready for at least minReadySeconds.'),
    collisionCount: int('Counts hash collisions of ReplicaSet names.'),
    conditions: conditions('apps.v1.DeploymentCondition', 'Deployment: Available, Progressing, ReplicaFailure'),
    observedGeneration: long('The generation the controller last acted on.'),
    readyReplicas: int('Pods that are ready.'),
    replicas: int('Pods of the Deployment that exist (old and new).'),
    terminatingReplicas: int('Pods that are shutting down.'),
    unavailableReplicas: int('Pods still needed for the Deployment to be at full availability.'),
    updatedReplicas: int('Pods with the current template.'),
  }),
  [a('DeploymentCondition')]: condition('Deployment', { lastUpdateTime: time('When the condition was last updated.') }),

  ...withList(
    'ReplicaSet',
    kind(apps('ReplicaSet'), 'A ReplicaSet keeps a number of identical pods running. Deployments create and scale them; you rarely make one yourself.', {
      spec: ref('apps.v1.ReplicaSetSpec', 'The desired state.'),
      status: ref('apps.v1.ReplicaSetStatus', 'The most recently observed state. Read-only.'),
    }),
  ),
  [a('ReplicaSetSpec')]: obj(
    'The desired state of a ReplicaSet.',
    { minReadySeconds: minReady, replicas: int('The number of pods wanted. Default 1.'), selector: selector('ReplicaSet'), template: template('ReplicaSet') },
    ['selector'],
  ),
  [a('ReplicaSetStatus')]: obj(
    'The observed state of a ReplicaSet.',
    {
      availableReplicas: int('Pods ready for at least minReadySeconds.'),
      conditions: conditions('apps.v1.ReplicaSetCondition', 'ReplicaSet'),
      fullyLabeledReplicas: int('Pods whose labels match the template labels.'),
      observedGeneration: long('The generation last acted on.'),
      readyReplicas: int('Pods that are ready.'),
      replicas: int('Pods that exist.'),
      terminatingReplicas: int('Pods that are shutting down.'),
    },
    ['replicas'],
  ),
  [a('ReplicaSetCondition')]: condition('ReplicaSet'),

  ...withList(
    'StatefulSet',
    kind(apps('StatefulSet'), 'A StatefulSet runs pods with stable names (name-0, name-1, …), stable DNS names and their own persistent volumes, started and updated in order.', {
      spec: ref('apps.v1.StatefulSetSpec', 'The desired state.'),
      status: ref('apps.v1.StatefulSetStatus', 'The most recently observed state. Read-only.'),
    }),
  ),
  [a('StatefulSetSpec')]: obj(
    'The desired state of a StatefulSet.',
    {
      minReadySeconds: minReady,
      ordinals: ref('apps.v1.StatefulSetOrdinals', 'Where the pod numbering starts.'),
      persistentVolumeClaimRetentionPolicy: ref('apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy', 'Whether claims are deleted when the set is deleted or scaled down.'),
      podManagementPolicy: enumOf(['OrderedReady', 'Parallel'], 'OrderedReady (default) creates pods one at a time in order; Parallel creates and deletes them all at once.'),
      replicas: int('The number of pods wanted. Default 1.'),
      revisionHistoryLimit: revisionHistoryLimit('revisions'),
      selector: selector('StatefulSet'),
      serviceName: str('The headless Service that gives the pods their DNS names (<pod>.<service>).'),
      template: template('StatefulSet'),
      updateStrategy: ref('apps.v1.StatefulSetUpdateStrategy', 'How pods are replaced when the template changes.'),
      volumeClaimTemplates: refs('core.v1.PersistentVolumeClaim', 'Claims made for every pod (<template>-<pod>), kept when pods are replaced.', {
        'x-kubernetes-list-type': 'atomic',
      }),
    },
    ['selector', 'template'],
  ),
  [a('StatefulSetOrdinals')]: obj('Pod numbering.', { start: int('The number of the first pod. Default 0.') }),
  [a('StatefulSetPersistentVolumeClaimRetentionPolicy')]: obj('What happens to claims.', {
    whenDeleted: str('Retain (default) or Delete the claims when the StatefulSet is deleted.'),
    whenScaled: str('Retain (default) or Delete the claims of pods removed by scaling down.'),
  }),
  [a('StatefulSetUpdateStrategy')]: obj('How a StatefulSet updates pods.', {
    rollingUpdate: ref('apps.v1.RollingUpdateStatefulSetStrategy', 'Settings of the RollingUpdate strategy.'),
    type: enumOf(['OnDelete', 'RollingUpdate'], 'RollingUpdate (default) replaces pods from the highest number down; OnDelete waits for you to delete them.'),
  }),
  [a('RollingUpdateStatefulSetStrategy')]: obj('Settings of a StatefulSet rolling update.', {
    maxUnavailable: intOrString('How many pods may be unavailable during the update (beta). Default 1.'),
    partition: int('Only pods numbered at or above this are updated. Default 0.'),
  }),
  [a('StatefulSetStatus')]: obj(
    'The observed state of a StatefulSet.',
    {
      availableReplicas: int('Pods ready for at least minReadySeconds.'),
      collisionCount: int('Counts hash collisions of revision names.'),
      conditions: conditions('apps.v1.StatefulSetCondition', 'StatefulSet'),
      currentReplicas: int('Pods at currentRevision.'),
      currentRevision: str('The revision of the oldest pods.'),
      observedGeneration: long('The generation last acted on.'),
      readyReplicas: int('Pods that are ready.'),
      replicas: int('Pods that exist.'),
      updateRevision: str('The revision of the current template.'),
      updatedReplicas: int('Pods at updateRevision.'),
    },
    ['replicas'],
  ),
  [a('StatefulSetCondition')]: condition('StatefulSet'),

  ...withList(
    'DaemonSet',
    kind(apps('DaemonSet'), 'A DaemonSet runs one pod on every node (or every node matching a selector), e.g. for log collectors or network agents.', {
      spec: ref('apps.v1.DaemonSetSpec', 'The desired state.'),
      status: ref('apps.v1.DaemonSetStatus', 'The most recently observed state. Read-only.'),
    }),
  ),
  [a('DaemonSetSpec')]: obj(
    'The desired state of a DaemonSet.',
    {
      minReadySeconds: minReady,
      revisionHistoryLimit: revisionHistoryLimit('revisions'),
      selector: selector('DaemonSet'),
      template: template('DaemonSet'),
      updateStrategy: ref('apps.v1.DaemonSetUpdateStrategy', 'How pods are replaced when the template changes.'),
    },
    ['selector', 'template'],
  ),
  [a('DaemonSetUpdateStrategy')]: obj('How a DaemonSet updates pods.', {
    rollingUpdate: ref('apps.v1.RollingUpdateDaemonSet', 'Settings of the RollingUpdate strategy.'),
    type: enumOf(['OnDelete', 'RollingUpdate'], 'RollingUpdate (default) or OnDelete.'),
  }),
  [a('RollingUpdateDaemonSet')]: obj('Settings of a DaemonSet rolling update.', {
    maxSurge: intOrString('How many nodes may run an extra new pod during the update. Default 0.'),
    maxUnavailable: intOrString('How many nodes may be without an available pod during the update. Default 1.'),
  }),
  [a('DaemonSetStatus')]: obj(
    'The observed state of a DaemonSet.',
    {
      collisionCount: int('Counts hash collisions of revision names.'),
      conditions: conditions('apps.v1.DaemonSetCondition', 'DaemonSet'),
      currentNumberScheduled: int('Nodes running a pod of the DaemonSet that should.'),
      desiredNumberScheduled: int('Nodes that should run a pod.'),
      numberAvailable: int('Nodes with an available pod.'),
      numberMisscheduled: int('Nodes running a pod that should not.'),
      numberReady: int('Nodes with a ready pod.'),
      numberUnavailable: int('Nodes that should run an available pod and do not.'),
      observedGeneration: long('The generation last acted on.'),
      updatedNumberScheduled: int('Nodes running the current template.'),
    },
    ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady'],
  ),
  [a('DaemonSetCondition')]: condition('DaemonSet'),

  ...withList(
    'ControllerRevision',
    kind(
      apps('ControllerRevision'),
      'An immutable snapshot of a StatefulSet or DaemonSet template, kept for rollbacks.',
      {
        data: { type: 'object', description: 'The saved state.', 'x-kubernetes-preserve-unknown-fields': true, 'x-kubernetes-embedded-resource': false },
        revision: long('The revision number.'),
      },
      ['revision'],
    ),
  ),

  [defName('autoscaling.v1.Scale')]: kind(gvk('autoscaling', 'v1', 'Scale'), 'The scale subresource of a workload: how many replicas it should have and has.', {
    spec: ref('autoscaling.v1.ScaleSpec', 'The desired scale.'),
    status: ref('autoscaling.v1.ScaleStatus', 'The current scale. Read-only.'),
  }),
  [defName('autoscaling.v1.ScaleSpec')]: obj('The desired scale.', { replicas: int('The number of replicas wanted.') }),
  [defName('autoscaling.v1.ScaleStatus')]: obj(
    'The current scale.',
    { replicas: int('The number of replicas observed.'), selector: str('The label selector of the pods, in string form (app=web).') },
    ['replicas'],
  ),
};

// kubectl rollout restart / pause / resume: small strategic merge patches on the Deployment
// (fieldManager kubectl-rollout). A restart is only a changed template annotation — the
// controller does the rest by rolling out "new" pods.
import { rfc3339 } from '../machinery/clock.ts';
import type { KubectlCommand } from './command.ts';
import { ErrorList, KubectlError } from './errors.ts';
import { qualifiedName, workloadObjects } from './object-args.ts';
import { DEPLOYMENTS, getDeployment } from './rollout-revisions.ts';

export const restartedAtAnnotation = 'kubectl.kubernetes.io/restartedAt';

function eachDeployment(inv: Parameters<NonNullable<KubectlCommand['run']>>[0], helper: string, act: (name: string, label: string) => void): void {
  const errors: unknown[] = [];
  for (const target of workloadObjects(inv, ['Deployment', 'DaemonSet', 'StatefulSet'], helper)) {
    try {
      if (target.rt.kind !== 'Deployment') throw new KubectlError(`${target.rt.plural}.${target.rt.group} ${JSON.stringify(target.name)} ${helper === 'restarter' ? 'restarting' : helper} is not supported in the simulator yet (only Deployments)`);
      act(target.name, qualifiedName(target.rt, target.name));
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length) throw new ErrorList(errors);
}

export const rolloutRestartCommand: KubectlCommand = {
  name: 'restart',
  short: 'Restart a resource',
  long: 'Restart a resource.\n\n        Resource rollout will be restarted.',
  example: '  # Restart all deployments in the test-namespace namespace\n  kubectl rollout restart deployment -n test-namespace\n\n  # Restart a deployment\n  kubectl rollout restart deployment/nginx',
  use: 'restart RESOURCE',
  run(inv) {
    eachDeployment(inv, 'restarter', (name, label) => {
      const deployment = getDeployment(inv.host.client, inv.namespace, name);
      if (deployment.spec.paused) throw new KubectlError(`can't restart paused deployment (run rollout resume first)`);
      const stamp = rfc3339(inv.now());
      if (deployment.spec.template.metadata?.annotations?.[restartedAtAnnotation] === stamp) {
        throw new KubectlError(`failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`);
      }
      inv.host.client.patch(DEPLOYMENTS, inv.namespace, name, 'strategic', { spec: { template: { metadata: { annotations: { [restartedAtAnnotation]: stamp } } } } }, { fieldManager: 'kubectl-rollout' });
      inv.out(`${label} restarted\n`);
    });
  },
};

export const rolloutPauseCommand: KubectlCommand = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  long: 'Mark the provided resource as paused.\n\n Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.',
  example: '  # Mark the nginx deployment as paused\n  # Any current state of the deployment will continue its function; new updates\n  # to the deployment will not have an effect as long as the deployment is paused\n  kubectl rollout pause deployment/nginx',
  use: 'pause RESOURCE',
  run(inv) {
    eachDeployment(inv, 'pauser', (name, label) => {
      const deployment = getDeployment(inv.host.client, inv.namespace, name);
      if (deployment.spec.paused) throw new KubectlError(`deployments.apps ${JSON.stringify(name)} is already paused`);
      inv.host.client.patch(DEPLOYMENTS, inv.namespace, name, 'strategic', { spec: { paused: true } }, { fieldManager: 'kubectl-rollout' });
      inv.out(`${label} paused\n`);
    });
  },
};

export const rolloutResumeCommand: KubectlCommand = {
  name: 'resume',
  short: 'Resume a paused resource',
  long: 'Resume a paused resource.\n\n Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.',
  example: '  # Resume an already paused deployment\n  kubectl rollout resume deployment/nginx',
  use: 'resume RESOURCE',
  run(inv) {
    eachDeployment(inv, 'resumer', (name, label) => {
      const deployment = getDeployment(inv.host.client, inv.namespace, name);
      if (!deployment.spec.paused) throw new KubectlError(`deployments.apps ${JSON.stringify(name)} is not paused`);
      inv.host.client.patch(DEPLOYMENTS, inv.namespace, name, 'strategic', { spec: { paused: null } }, { fieldManager: 'kubectl-rollout' });
      inv.out(`${label} resumed\n`);
    });
  },
};

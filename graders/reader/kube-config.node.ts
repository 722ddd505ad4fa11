// Which cluster to talk to: the default kubeconfig ($KUBECONFIG, ~/.kube/config, in-cluster), or a
// given file, and the current or a given context. Missing files and unknown contexts become typed
// ReadErrors with a message a learner can act on.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { ReadError, readErrors } from './read-errors.ts';

export interface KubeTarget {
  kubeconfig?: string;
  context?: string;
}

function defaultPaths(): string[] {
  const env = process.env.KUBECONFIG;
  if (env) return env.split(path.delimiter).filter(Boolean);
  return [path.join(os.homedir(), '.kube', 'config')];
}

export function loadKubeConfig(target: KubeTarget = {}): KubeConfig {
  const kc = new KubeConfig();
  try {
    if (target.kubeconfig) {
      if (!existsSync(target.kubeconfig)) throw readErrors.noKubeconfig(`${target.kubeconfig} does not exist`);
      kc.loadFromFile(target.kubeconfig);
    } else {
      const paths = defaultPaths();
      const inCluster = Boolean(process.env.KUBERNETES_SERVICE_HOST);
      if (!paths.some((p) => existsSync(p)) && !inCluster) throw readErrors.noKubeconfig(`looked in ${paths.join(', ')}`);
      kc.loadFromDefault();
    }
  } catch (err) {
    if (err instanceof ReadError) throw err;
    throw new ReadError('no-kubeconfig', `The kubeconfig could not be read: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  if (target.context) {
    if (!kc.getContextObject(target.context)) throw readErrors.unknownContext(target.context, kc.getContexts().map((c) => c.name));
    kc.setCurrentContext(target.context);
  }
  if (!kc.getCurrentContext() || !kc.getCurrentCluster()) {
    const known = kc.getContexts().map((c) => c.name);
    if (known.length === 0) throw readErrors.noKubeconfig('the kubeconfig has no contexts');
    throw new ReadError('unknown-context', `The kubeconfig has no usable current context${kc.getCurrentContext() ? ` ("${kc.getCurrentContext()}" names no cluster)` : ''}. Pick one with --context: ${known.join(', ')}.`);
  }
  return kc;
}

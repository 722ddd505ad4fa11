// The environment a process started by `kubectl exec` sees: what the kubelet gave the container
// when it started (env, envFrom, downward API and the service links — see
// controllers/kubelet-env.ts), plus the image's PATH and HOSTNAME and the user's HOME.

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function containerEnv(podName: string, containerEnvFromKubelet: Record<string, string>): Record<string, string> {
  return { PATH, HOSTNAME: podName, ...containerEnvFromKubelet, HOME: containerEnvFromKubelet.HOME ?? '/root' };
}

// Commands a learner may reach for that the in-browser terminal does not model. Each gets a
// plain message saying so and where to run it for real — never a silent fake.

const onYourMachine = 'run it on your own machine (see "Use your own cluster")';

const reasons: Record<string, string> = {};
function add(names: string, reason: string): void {
  for (const name of names.split(' ')) reasons[name] = reason;
}

add('docker podman nerdctl crictl ctr buildah', `not available in the in-browser terminal — ${onYourMachine}`);
add('kind minikube k3d k3s kubeadm kubelet kube-apiserver etcd etcdctl', `not available in the in-browser terminal — ${onYourMachine}`);
add('helm kustomize k9s kubectx kubens stern skaffold tilt argocd flux istioctl linkerd', `not available in the in-browser terminal — ${onYourMachine}`);
add('apt apt-get yum dnf apk brew snap pip pip3 npm npx yarn go cargo make', `not available in the in-browser terminal: nothing can be installed here — ${onYourMachine}`);
add('python python3 node ruby perl java bash sh zsh', `not available in the in-browser terminal — ${onYourMachine}`);
add('vi vim nvim nano emacs pico ed code', 'not available in the in-browser terminal — edit files with the editor panel instead');
add('ssh scp sftp rsync telnet nc netcat ping traceroute dig nslookup wget', `not available in the in-browser terminal — ${onYourMachine}`);
add('systemctl service journalctl sudo su chmod chown ps top htop kill killall free df du mount', `not available in the in-browser terminal — ${onYourMachine}`);
add('git less more man jq yq awk sed find xargs tar gzip gunzip unzip zip', `not available in the in-browser terminal — ${onYourMachine}`);

/** The message for a command the terminal knowingly does not have, or undefined. */
export function unavailableMessage(name: string): string | undefined {
  const reason = reasons[name];
  return reason && `${name}: ${reason}`;
}

export function unavailableCommandNames(): string[] {
  return Object.keys(reasons).sort();
}

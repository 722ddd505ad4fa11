// The images a kind v1.32 node ships with (preloaded, so they start without a pull): the control
// plane's static pods, kube-proxy, kindnet, CoreDNS, the local-path provisioner and the pause
// sandbox. Each runs until stopped, answers its health endpoints, and logs a few start-up lines.
import type { ImageBehaviour, LogLine } from '../container-model.ts';
import { serverProcess } from '../container-model.ts';
import type { ImageModel } from '../image-registry.ts';

function klogTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${d.toISOString().slice(11, 23)}000`;
}

/** A component that is healthy on every port it is asked about: its probes always pass. */
function healthyComponent(lines: (startedAt: number) => string[]): ImageBehaviour {
  return {
    start: (input) =>
      serverProcess(
        {
          ports: [],
          startupLogs: (i): LogLine[] => lines(i.startedAt).map((text, n) => ({ atMs: 50 + n, text, stream: 'stderr' })),
          http: (req) => ({ status: 200, body: req.path === '/health' || req.path === '/ready' ? 'OK' : 'ok' }),
          sigterm: { afterMs: 200, exitCode: 0 },
        },
        input,
      ),
  };
}

function always(behaviour: ImageBehaviour): ImageBehaviour {
  // Health endpoints answer on whatever port the manifest probes.
  return {
    start(input) {
      const p = behaviour.start(input);
      return { ...p, listens: () => true };
    },
  };
}

function klogComponent(file: string, messages: string[]): ImageBehaviour {
  return always(healthyComponent((t) => messages.map((m) => `I${klogTime(t)}       1 ${file}] ${m}`)));
}

const v132 = (tag: string) => /^v1\.32\.\d{1,2}$/.test(tag);
const kindTag = (tag: string) => /^v20\d{6}-[0-9a-f]{8}$/.test(tag);

export const kubernetesSystemImages: Array<[string, ImageModel]> = [
  // Every tag registry.k8s.io/pause serves (the docs' examples use 2.0, 3.1, 3.6 and 3.8); kind preloads 3.10.
  ['registry.k8s.io/pause', { tags: ['0.8.0', '1.0', '2.0', '3.0', '3.1', '3.2', '3.3', '3.4.1', '3.5', '3.6', '3.7', '3.8', '3.9', '3.10'], sizeBytes: 320_368, preloaded: true, behaviour: always(healthyComponent(() => [])) }],
  [
    'registry.k8s.io/kube-apiserver',
    { tags: v132, sizeBytes: 28_663_400, preloaded: true, behaviour: klogComponent('options.go:228', ['"external host was not specified, using 172.18.0.3"', '"Serving securely on [::]:6443"']) },
  ],
  [
    'registry.k8s.io/kube-controller-manager',
    { tags: v132, sizeBytes: 26_250_008, preloaded: true, behaviour: klogComponent('serving.go:386', ['"Generated self-signed cert in-memory"', '"Started controllers"']) },
  ],
  [
    'registry.k8s.io/kube-scheduler',
    { tags: v132, sizeBytes: 20_651_000, preloaded: true, behaviour: klogComponent('serving.go:386', ['"Generated self-signed cert in-memory"', '"Successfully acquired lease" lease="kube-system/kube-scheduler"']) },
  ],
  [
    'registry.k8s.io/kube-proxy',
    { tags: v132, sizeBytes: 30_906_500, preloaded: true, behaviour: klogComponent('server_linux.go:66', ['"Using iptables proxy"', '"kube-proxy running in dual-stack mode" primary ipFamily="IPv4"', '"Starting endpoint slice config controller"']) },
  ],
  ['registry.k8s.io/etcd', { tags: (t) => /^3\.5\.\d{1,2}-0$/.test(t), sizeBytes: 57_680_541, preloaded: true, behaviour: always(healthyComponent(() => ['{"level":"info","msg":"serving client traffic securely","address":"127.0.0.1:2379"}'])) }],
  [
    'registry.k8s.io/coredns/coredns',
    {
      tags: ['v1.11.3', 'v1.11.1'],
      sizeBytes: 18_562_039,
      preloaded: true,
      behaviour: always(
        healthyComponent(() => [
          '.:53',
          '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908',
          'CoreDNS-1.11.3',
          'linux/amd64, go1.21.11, a6338e9',
        ]),
      ),
    },
  ],
  ['docker.io/kindest/kindnetd', { tags: kindTag, sizeBytes: 39_008_320, preloaded: true, behaviour: klogComponent('main.go:109', ['"connected to apiserver" uri="https://wheelhouse-control-plane:6443"', '"Adding route" route={Dst: 10.244.1.0/24}']) }],
  ['docker.io/kindest/local-path-provisioner', { tags: kindTag, sizeBytes: 22_541_737, preloaded: true, behaviour: always(healthyComponent(() => ['time="2024-12-12T00:00:00Z" level=info msg="Starting provisioner controller"'])) }],
  ['docker.io/kindest/local-path-helper', { tags: kindTag, sizeBytes: 3_084_671, preloaded: true, behaviour: always(healthyComponent(() => [])) }],
];

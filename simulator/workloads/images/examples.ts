// Images from the official Kubernetes docs and common tutorials, modelled where cheap: agnhost
// (liveness, netexec, serve-hostname), hashicorp/http-echo and Google's hello-app; the older images
// the docs' manifests still name are in docs-examples.ts.
import type { ContainerInput, ContainerProcess, HttpResponse } from '../container-model.ts';
import { serverProcess } from '../container-model.ts';
import type { ImageModel } from '../image-registry.ts';
import { docsImages, goLogTime } from './docs-examples.ts';

function flag(args: string[], name: string): string | undefined {
  for (const [i, a] of args.entries()) {
    if (a === `--${name}` || a === `-${name}`) return args[i + 1];
    const m = new RegExp(`^--?${name}=(.*)$`).exec(a);
    if (m) return m[1];
  }
  return undefined;
}

function agnhost(input: ContainerInput): ContainerProcess {
  const argv = [...(input.command ?? []), ...(input.args ?? [])].filter((a) => !a.endsWith('agnhost'));
  const sub = argv[0] ?? 'pause';
  const rest = argv.slice(1);
  switch (sub) {
    case 'liveness':
      // Healthy for the first 10 seconds, then /healthz answers 500: the docs' liveness example.
      return serverProcess(
        {
          ports: [8080],
          startupLogs: () => [{ atMs: 5, text: 'Started HTTP server on port 8080' }],
          http: (req, elapsed): HttpResponse => {
            if (req.path !== '/healthz') return { status: 404, body: '404 page not found\n' };
            const seconds = elapsed / 1000;
            return seconds > 10 ? { status: 500, body: `error: ${seconds}` } : { status: 200, body: 'ok' };
          },
        },
        input,
      );
    case 'netexec': {
      const port = Number(flag(rest, 'http-port') ?? 8080);
      return serverProcess(
        {
          ports: [port, Number(flag(rest, 'udp-port') ?? 8081)],
          startupLogs: () => [{ atMs: 5, text: `Started HTTP server on port ${port}` }],
          http: (req, elapsed, i): HttpResponse => {
            const [path, query = ''] = req.path.split('?') as [string, string?];
            if (path === '/hostname') return { status: 200, body: i.hostname };
            if (path === '/echo') return { status: 200, body: decodeURIComponent(new URLSearchParams(query).get('msg') ?? '') };
            if (path === '/healthz' || path === '/readyz') return { status: 200, body: 'ok' };
            if (path === '/clientip') return { status: 200, body: `${req.headers['x-forwarded-for'] ?? '10.244.0.1'}:41234` };
            return { status: 200, body: `NOW: ${new Date(i.startedAt + elapsed).toISOString()}` };
          },
        },
        input,
      );
    }
    case 'serve-hostname':
      return serverProcess({ ports: [9376], http: (_req, _e, i) => ({ status: 200, body: i.hostname }) }, input);
    default:
      return serverProcess({ ports: [], sigterm: { afterMs: 0, exitCode: 0 } }, input);
  }
}

/** Google's hello-app: "Hello, world!", its version and the pod's hostname on $PORT (8080). */
const helloAppImage: ImageModel = {
  tags: ['1.0', '2.0'],
  sizeBytes: 11_135_808,
  behaviour: {
    start: (input) => {
      const port = input.env.PORT ?? '8080';
      const version = input.imageTag === '2.0' ? '2.0.0' : '1.0.0';
      return serverProcess(
        {
          ports: [Number(port)],
          startupLogs: (i) => [{ atMs: 5, text: `${goLogTime(i.startedAt + 5)} Server listening on port ${port}`, stream: 'stderr' }],
          http: (req, elapsed, i) => ({
            status: 200,
            body: `Hello, world!\nVersion: ${version}\nHostname: ${i.hostname}\n`,
            log: [`${goLogTime(i.startedAt + elapsed)} Serving request: ${req.path.split('?')[0]}`],
          }),
        },
        input,
      );
    },
  },
};

export const exampleImages: Array<[string, ImageModel]> = [
  ['registry.k8s.io/e2e-test-images/agnhost', { tags: (t) => /^2\.\d{2}$/.test(t), sizeBytes: 51_070_820, behaviour: { start: agnhost } }],
  [
    'docker.io/hashicorp/http-echo',
    {
      tags: (t) => /^(latest|1\.0(\.0)?|0\.2\.3)$/.test(t),
      sizeBytes: 3_596_880,
      behaviour: {
        start: (input) => {
          const args = input.args ?? [];
          const text = flag(args, 'text') ?? 'hello-world';
          const port = Number((flag(args, 'listen') ?? ':5678').split(':').pop());
          return serverProcess(
            {
              ports: [port],
              startupLogs: () => [{ atMs: 5, text: `2024/12/12 00:00:00 [INFO] server is listening on :${port}` }],
              http: () => ({ status: 200, body: `${text}\n` }),
            },
            input,
          );
        },
      },
    },
  ],
  ['us-docker.pkg.dev/google-samples/containers/gke/hello-app', helloAppImage],
  ['gcr.io/google-samples/hello-app', helloAppImage],
  ...docsImages,
];

// Older images the official docs' manifests still name: the stress tools of the resource tasks,
// the probe examples' servers (k8s.gcr.io/liveness, goproxy), serve_hostname, the guestbook
// (PHP frontend, redis leader and follower), php-apache for the HPA walkthrough, the
// frontend/backend pair of "Connect a Frontend to a Backend", and the k8s.gcr.io names of busybox
// and pause (k8s.gcr.io now redirects to registry.k8s.io; both names pull the same images).
// Where a model cannot see the cluster (DNS), a Service's link variables in the environment stand
// in for its name resolving, which is what the kubelet gives a container started after the Service.
import type { ContainerInput, ContainerProcess, HttpRequest, HttpResponse, LogLine } from '../container-model.ts';
import { serverProcess } from '../container-model.ts';
import type { ImageModel } from '../image-registry.ts';
import { scriptProcess } from '../script-process.ts';
import { redisServer } from './databases.ts';
import { k8sBusyboxImage } from './shells.ts';
import { clfTime, overridable } from './web-servers.ts';

/** Go's log package: `2025/01/01 00:00:00`. */
export function goLogTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ');
}

/** glog/klog's header: `I0101 00:00:00.000000       1 main.go:26] `. */
function glogPrefix(ms: number, where: string): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `I${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${d.toISOString().slice(11, 23)}000       1 ${where}] `;
}

/** A Go server as PID 1 with no SIGTERM handler: the runtime's re-raised signal is ignored for
 * PID 1, so Go exits with status 2 at once. */
const goSigterm = { afterMs: 0, exitCode: 2 };

function logLines(lines: string[], startMs = 5, stream: LogLine['stream'] = 'stdout'): LogLine[] {
  return lines.map((text, n) => ({ atMs: startMs + n, text, stream }));
}

// ---------- stress ----------

const binaryUnits: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, ki: 1024, mi: 1024 ** 2, gi: 1024 ** 3 };

/** "150M", "250Mi", "4Ki" → bytes (stress and vish/stress both count in powers of 1024). */
function bytesOf(text: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)([a-zA-Z]*)$/.exec(text ?? '');
  if (!m) return 0;
  return Math.round(Number(m[1]) * (binaryUnits[m[2]!.toLowerCase().replace(/b$/, '')] ?? 1));
}

function flagValue(args: string[], ...names: string[]): string | undefined {
  for (const [i, a] of args.entries()) {
    for (const name of names) {
      if (a === name) return args[i + 1];
      if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
    }
  }
  return undefined;
}

/** Killed by the kernel once the cgroup's memory limit is reached, as the docs' memory tasks show. */
function oomKilled(afterMs: number, lines: LogLine[]): ContainerProcess {
  return {
    exit: { afterMs, exitCode: 137, reason: 'OOMKilled' },
    logs: (from, to) => lines.filter((l) => l.atMs > from && l.atMs <= to),
    onSigterm: { afterMs: 0, exitCode: 143 },
    listens: () => false,
    exec: () => ({ exitCode: 0, output: '' }),
  };
}

/** vish/stress: `/stress -logtostderr` with -cpus N busy threads and -mem-total allocated in chunks. */
function vishStress(input: ContainerInput): ContainerProcess {
  const args = [...(input.command ?? []), ...(input.args ?? [])];
  const cpus = Number(flagValue(args, '-cpus', '--cpus') ?? 0) || 0;
  const totalText = flagValue(args, '-mem-total', '--mem-total') ?? '0';
  const chunkText = flagValue(args, '-mem-alloc-size', '--mem-alloc-size') ?? '4Ki';
  const sleepMs = Number(/^(\d+)ms$/.exec(flagValue(args, '-mem-alloc-sleep', '--mem-alloc-sleep') ?? '')?.[1] ?? 1);
  const total = bytesOf(totalText);
  const chunk = Math.max(1, bytesOf(chunkText));
  const at = (ms: number, where: string, text: string): LogLine => ({ atMs: ms, text: glogPrefix(input.startedAt + ms, where) + text, stream: 'stderr' });
  const lines = [at(5, 'main.go:26', `Allocating "${totalText}" memory, in "${chunkText}" chunks, with a ${sleepMs}ms sleep between allocations`)];
  for (let i = 0; i < cpus; i++) lines.push(at(6 + i, 'main.go:39', 'Spawning a thread to consume CPU'));
  const allocMs = Math.ceil(total / chunk) * sleepMs;
  const limit = input.memoryLimitBytes;
  if (limit !== undefined && total > limit) return oomKilled(10 + Math.ceil(limit / chunk) * sleepMs, lines);
  lines.push(at(10 + allocMs, 'main.go:29', `Allocated "${totalText}" memory`));
  return serverProcess({ ports: [], startupLogs: () => lines, sigterm: goSigterm }, input);
}

/** polinux/stress: the classic `stress` (alpine) — --cpu, --vm with --vm-bytes, --timeout. */
function polinuxStress(input: ContainerInput): ContainerProcess {
  const argv = [...(input.command ?? ['stress']), ...(input.args ?? [])];
  if (!/(^|\/)stress$/.test(argv[0]!)) return scriptProcess(input, { entrypoint: [], cmd: [] });
  const args = argv.slice(1);
  const num = (...names: string[]) => Number(flagValue(args, ...names) ?? 0) || 0;
  const [cpu, io, vm, hdd] = [num('--cpu', '-c'), num('--io', '-i'), num('--vm', '-m'), num('--hdd', '-d')];
  const vmBytes = bytesOf(flagValue(args, '--vm-bytes') ?? '256M');
  const timeout = flagValue(args, '--timeout', '-t');
  if (cpu + io + vm + hdd === 0) {
    const usage = logLines(["`stress' imposes certain types of compute stress on your system", '', 'Usage: stress [OPTION [ARG]] ...'], 5);
    return { exit: { afterMs: 10, exitCode: 1 }, logs: (f, t) => usage.filter((l) => l.atMs > f && l.atMs <= t), onSigterm: { afterMs: 0, exitCode: 143 }, listens: () => false, exec: () => ({ exitCode: 0, output: '' }) };
  }
  const lines = logLines([`stress: info: [1] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, ${hdd} hdd`]);
  // Each vm worker touches its bytes at once; past the limit the cgroup's OOM kill takes the whole container.
  if (input.memoryLimitBytes !== undefined && vm * vmBytes > input.memoryLimitBytes) return oomKilled(300, lines);
  const seconds = timeout ? Number(/^(\d+)s?$/.exec(timeout)?.[1] ?? 0) : undefined;
  if (seconds) {
    const done = seconds * 1000;
    const all = [...lines, { atMs: done, text: `stress: info: [1] successful run completed in ${seconds}s` }];
    return { exit: { afterMs: done, exitCode: 0 }, logs: (f, t) => all.filter((l) => l.atMs > f && l.atMs <= t), onSigterm: { afterMs: 0, exitCode: 143 }, listens: () => false, exec: () => ({ exitCode: 0, output: '' }) };
  }
  return serverProcess({ ports: [], startupLogs: () => lines, sigterm: { afterMs: 0, exitCode: 143 } }, input);
}

// ---------- small servers ----------

/** k8s.gcr.io/liveness `/server`: /healthz answers 200 for the first 10 s, then 500. */
function livenessServer(input: ContainerInput): ContainerProcess {
  return serverProcess(
    {
      ports: [8080],
      http: (req, elapsed): HttpResponse => {
        if (req.path.split('?')[0] !== '/healthz') return { status: 404, body: '404 page not found\n' };
        const seconds = elapsed / 1000;
        return seconds > 10 ? { status: 500, body: `error: ${seconds}` } : { status: 200, body: 'ok' };
      },
      sigterm: goSigterm,
    },
    input,
  );
}

/** goproxy's demo proxy on 8080: a plain (non-proxy) request gets its 500. */
function goproxy(input: ContainerInput): ContainerProcess {
  return serverProcess(
    {
      ports: [8080],
      http: () => ({ status: 500, body: 'This is a proxy server. Does not respond to non-proxy requests.\n' }),
      sigterm: goSigterm,
    },
    input,
  );
}

/** serve_hostname: its hostname on 9376; on SIGTERM it logs and waits for the pod to go. */
function serveHostname(input: ContainerInput): ContainerProcess {
  return serverProcess(
    {
      ports: [9376],
      startupLogs: (i) => [{ atMs: 5, text: `${goLogTime(i.startedAt + 5)} Serving on port 9376.`, stream: 'stderr' }],
      http: (_r, _e, i) => ({ status: 200, body: i.hostname }),
      // It sleeps a minute after the signal, so the grace period's SIGKILL usually ends it.
      sigterm: { afterMs: 60_000, exitCode: 0 },
    },
    input,
  );
}

/** hello-go-gke, the backend of "Connect a Frontend to a Backend": JSON on port 80. */
function helloBackend(input: ContainerInput): ContainerProcess {
  return serverProcess(
    {
      ports: [80],
      http: () => ({ status: 200, body: '{"message":"Hello"}', headers: { 'content-type': 'application/json' } }),
      sigterm: goSigterm,
    },
    input,
  );
}

/** hello-frontend: nginx proxying every request to the upstream `hello` (the backend Service). */
function helloFrontend(input: ContainerInput): ContainerProcess {
  // nginx resolves upstream names when it loads its configuration: without the Service it cannot start.
  if (!input.env.HELLO_SERVICE_HOST) {
    const msg = 'host not found in upstream "hello" in /etc/nginx/conf.d/frontend.conf:4';
    const lines: LogLine[] = [
      { atMs: 20, text: `${goLogTime(input.startedAt + 20)} [emerg] 1#1: ${msg}`, stream: 'stderr' },
      { atMs: 21, text: `nginx: [emerg] ${msg}`, stream: 'stderr' },
    ];
    return { exit: { afterMs: 30, exitCode: 1 }, logs: (f, t) => lines.filter((l) => l.atMs > f && l.atMs <= t), onSigterm: { afterMs: 0, exitCode: 0 }, listens: () => false, exec: () => ({ exitCode: 1, output: '' }) };
  }
  return serverProcess(
    {
      ports: [80],
      readyAfterMs: 50,
      // The backend's answer, as the proxy passes it on.
      http: (req, elapsed, i) => {
        const body = '{"message":"Hello"}';
        const from = req.headers['x-forwarded-for'] ?? '10.244.0.1';
        return {
          status: 200,
          body,
          headers: { server: 'nginx', 'content-type': 'application/json' },
          log: [`${from} - - [${clfTime(i.startedAt + elapsed)}] "${req.method} ${req.path} HTTP/1.1" 200 ${body.length} "-" "${req.headers['user-agent'] ?? 'curl/8.11.0'}" "-"`],
        };
      },
      sigterm: { afterMs: 200, exitCode: 0 },
      exec: (command) => (/(^|\/)nginx$/.test(command[0] ?? '') && command[1] === '-s' ? { exitCode: 0, output: '' } : undefined),
    },
    input,
  );
}

// ---------- PHP on Apache (php:5-apache) ----------

function apacheTime(ms: number): string {
  const d = new Date(ms);
  const u = d.toUTCString(); // "Wed, 01 Jan 2025 00:00:00 GMT"
  return `${u.slice(0, 3)} ${u.slice(8, 11)} ${u.slice(5, 7)} ${d.toISOString().slice(11, 19)}.${String(d.getUTCMilliseconds()).padStart(3, '0')}000 ${d.getUTCFullYear()}`;
}

/** apache2-foreground from the php:5-apache image, serving handler's pages on port 80. */
function phpApache(input: ContainerInput, handler: (req: HttpRequest) => { status: number; body: string; type?: string }): ContainerProcess {
  return serverProcess(
    {
      ports: [80],
      readyAfterMs: 100,
      startupLogs: (i) => {
        const fqdn = `AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${i.podIP}. Set the 'ServerName' directive globally to suppress this message`;
        const t = apacheTime(i.startedAt + 60);
        return logLines(
          [fqdn, fqdn, `[${t}] [mpm_prefork:notice] [pid 1] AH00163: Apache/2.4.10 (Debian) PHP/5.6.40 configured -- resuming normal operations`, `[${t}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'`],
          50,
          'stderr',
        );
      },
      http: (req, elapsed, i) => {
        const res = handler(req);
        const from = req.headers['x-forwarded-for'] ?? '10.244.0.1';
        return {
          status: res.status,
          body: req.method === 'HEAD' ? '' : res.body,
          headers: { server: 'Apache/2.4.10 (Debian)', 'content-type': res.type ?? 'text/html; charset=UTF-8' },
          log: [`${from} - - [${clfTime(i.startedAt + elapsed)}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${res.body.length} "-" "${req.headers['user-agent'] ?? 'curl/8.11.0'}"`],
        };
      },
      // apache2 takes SIGTERM as "stop now" (the image's STOPSIGNAL is SIGWINCH, which Kubernetes does not send).
      sigterm: { afterMs: 300, exitCode: 0 },
    },
    input,
  );
}

const apacheNotFound = (path: string) => ({
  status: 404,
  body: `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL ${path} was not found on this server.</p>\n</body></html>\n`,
});

const guestbookPage = `<html ng-app="redis">
  <head>
    <title>Guestbook</title>
    <link rel="stylesheet" href="//netdna.bootstrapcdn.com/bootstrap/3.1.1/css/bootstrap.min.css">
    <script src="https://ajax.googleapis.com/ajax/libs/angularjs/1.2.12/angular.min.js"></script>
    <script src="controllers.js"></script>
  </head>
  <body ng-controller="RedisCtrl">
    <div style="width: 50%; margin-left: 20px">
      <h2>Guestbook</h2>
    <form>
    <fieldset>
    <input ng-model="msg" placeholder="Messages" class="form-control" type="text" name="input"><br>
    <button type="button" class="btn btn-primary" ng-click="controller.onRedis()">Submit</button>
    </fieldset>
    </form>
    <div>
      <div ng-repeat="msg in messages track by $index">
        {{msg}}
      </div>
    </div>
    </div>
  </body>
</html>
`;

/** The guestbook frontend: the page, and guestbook.php's JSON API. Stored messages live in redis,
 * which the model does not reach: reads come back empty and writes report success. */
function guestbookFrontend(input: ContainerInput): ContainerProcess {
  return phpApache(input, (req) => {
    const [path, query = ''] = req.path.split('?') as [string, string?];
    if (path === '/' || path === '/index.html') return { status: 200, body: guestbookPage };
    if (path === '/guestbook.php') {
      const cmd = new URLSearchParams(query).get('cmd');
      if (cmd === 'set') return { status: 200, body: '{"message": "Updated"}', type: 'application/json' };
      return { status: 200, body: '{"data": ""}', type: 'application/json' };
    }
    return apacheNotFound(path);
  });
}

/** php-apache for the HPA walkthrough: index.php burns some CPU and answers "OK!". */
function hpaExample(input: ContainerInput): ContainerProcess {
  return phpApache(input, (req) => {
    const path = req.path.split('?')[0]!;
    return path === '/' || path === '/index.php' ? { status: 200, body: 'OK!' } : apacheNotFound(path);
  });
}

/** k8s.gcr.io/pause: sleeps until a signal, then exits 0. */
function pause(input: ContainerInput): ContainerProcess {
  return serverProcess({ ports: [], sigterm: { afterMs: 0, exitCode: 0 } }, input);
}

const pauseTags = ['0.8.0', '1.0', '2.0', '3.0', '3.1', '3.2', '3.3', '3.4.1', '3.5', '3.6', '3.7', '3.8', '3.9'];

const guestbookFrontendImage = (tags: string[], sizeBytes: number): ImageModel => ({
  tags,
  sizeBytes,
  behaviour: overridable(guestbookFrontend, ['apache2-foreground', 'php']),
});

export const docsImages: Array<[string, ImageModel]> = [
  ['docker.io/vish/stress', { tags: ['latest'], sizeBytes: 1_554_843, behaviour: { start: vishStress } }],
  ['docker.io/polinux/stress', { tags: ['latest', '1.0.4'], sizeBytes: 4_041_495, behaviour: { start: polinuxStress } }],
  ['k8s.gcr.io/liveness', { tags: ['latest'], sizeBytes: 2_278_488, behaviour: { start: livenessServer } }],
  ['registry.k8s.io/liveness', { tags: ['latest'], sizeBytes: 2_278_488, behaviour: { start: livenessServer } }],
  ['registry.k8s.io/goproxy', { tags: ['0.1'], sizeBytes: 2_533_940, behaviour: { start: goproxy } }],
  ['k8s.gcr.io/goproxy', { tags: ['0.1'], sizeBytes: 2_533_940, behaviour: { start: goproxy } }],
  ['registry.k8s.io/serve_hostname', { tags: ['latest'], sizeBytes: 2_441_386, behaviour: { start: serveHostname } }],
  ['gcr.io/google-samples/hello-go-gke', { tags: ['1.0'], sizeBytes: 6_227_103, behaviour: { start: helloBackend } }],
  ['gcr.io/google-samples/hello-frontend', { tags: ['1.0'], sizeBytes: 44_863_021, behaviour: overridable(helloFrontend, ['nginx']) }],
  ['gcr.io/google-samples/gb-frontend', guestbookFrontendImage(['v4', 'v5'], 134_312_650)],
  ['us-docker.pkg.dev/google-samples/containers/gke/gb-frontend', guestbookFrontendImage(['v5'], 163_450_912)],
  ['docker.io/paulczar/gb-frontend', guestbookFrontendImage(['v5'], 163_450_912)],
  [
    'us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower',
    {
      tags: ['v2'],
      sizeBytes: 38_604_871,
      // The image's start script runs redis-server --replicaof redis-leader 6379 (log format of redis 6).
      behaviour: overridable((input) => redisServer(input, { version: '6.0.5', replicaOf: 'redis-leader' }), ['redis-cli', 'redis-server']),
    },
  ],
  // The guestbook's leader names this image by digest; its log lines follow the redis 5 format.
  ['registry.k8s.io/redis', { tags: ['e2e'], sizeBytes: 37_911_280, behaviour: overridable((input) => redisServer(input, { version: '5.0.5' }), ['redis-cli', 'redis-server']) }],
  ['registry.k8s.io/hpa-example', { tags: ['latest'], sizeBytes: 146_270_398, behaviour: overridable(hpaExample, ['apache2-foreground', 'php']) }],
  ['k8s.gcr.io/hpa-example', { tags: ['latest'], sizeBytes: 146_270_398, behaviour: overridable(hpaExample, ['apache2-foreground', 'php']) }],
  ['k8s.gcr.io/busybox', k8sBusyboxImage],
  ['k8s.gcr.io/pause', { tags: pauseTags, sizeBytes: 317_164, behaviour: { start: pause } }],
];

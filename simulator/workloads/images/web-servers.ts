// nginx and httpd: serve a welcome page on port 80, write an access-log line per request, and stop
// quickly on SIGTERM. Given a command in the pod spec they run it instead (their images have a shell).
import type { ContainerInput, ContainerProcess, HttpRequest, HttpResponse, ImageBehaviour, LogLine } from '../container-model.ts';
import { serverProcess } from '../container-model.ts';
import type { ImageModel } from '../image-registry.ts';
import { scriptProcess } from '../script-process.ts';

const debianBinaries = ['sh', 'bash', 'sleep', 'echo', 'cat', 'true', 'false', 'env', 'printenv', 'date', 'touch', 'rm', 'ls', 'tail', 'test', '['];

/** Runs the spec's command in images whose entrypoint is a server. */
export function overridable(server: (input: ContainerInput) => ContainerProcess, extraBinaries: string[] = []): ImageBehaviour {
  return {
    start(input) {
      if (input.command) return scriptProcess(input, { entrypoint: [], cmd: [], binaries: [...debianBinaries, ...extraBinaries] });
      return server(input);
    },
  };
}

function nginxTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** Common Log Format time: 21/Nov/2024:21:52:00 +0000 */
export function clfTime(ms: number): string {
  const d = new Date(ms);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export const nginxWelcomePage = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

function notFoundPage(server: string): string {
  return `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`;
}

function nginxVersion(tag: string | undefined): string {
  const m = /^(\d+\.\d+\.\d+)/.exec(tag ?? '');
  return m ? m[1]! : '1.27.3';
}

function accessLine(req: HttpRequest, status: number, bytes: number, startedAt: number, elapsed: number): string {
  const ua = req.headers['user-agent'] ?? 'curl/8.11.0';
  const from = req.headers['x-forwarded-for'] ?? req.headers['x-client-ip'] ?? '10.244.0.1';
  return `${from} - - [${clfTime(startedAt + elapsed)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${bytes} "-" "${ua}" "-"`;
}

export function nginxModel(tag?: string): ImageBehaviour {
  const version = nginxVersion(tag);
  return overridable((input) =>
    serverProcess(
      {
        ports: [80],
        readyAfterMs: 50,
        startupLogs: (i): LogLine[] => {
          const t = nginxTime(i.startedAt);
          const lines = [
            '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
            '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
            '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
            '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
            '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
            '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
            '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
            '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
            '/docker-entrypoint.sh: Configuration complete; ready for start up',
            `${t} [notice] 1#1: using the "epoll" event method`,
            `${t} [notice] 1#1: nginx/${version}`,
            `${t} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14)`,
            `${t} [notice] 1#1: OS: Linux 6.8.0-49-generic`,
            `${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
            `${t} [notice] 1#1: start worker processes`,
            `${t} [notice] 1#1: start worker process 29`,
          ];
          return lines.map((text, n) => ({ atMs: 10 + n, text, stream: n >= 9 ? 'stderr' : 'stdout' }));
        },
        http: (req, elapsed, i): HttpResponse => {
          const ok = req.path === '/' || req.path === '/index.html';
          const body = ok ? nginxWelcomePage : notFoundPage(`nginx/${version}`);
          const status = ok ? 200 : 404;
          return {
            status,
            body: req.method === 'HEAD' ? '' : body,
            headers: { server: `nginx/${version}`, 'content-type': 'text/html' },
            log: [accessLine(req, status, body.length, i.startedAt, elapsed)],
          };
        },
        // nginx's image stops with SIGQUIT (graceful) and exits within moments.
        sigterm: { afterMs: 200, exitCode: 0 },
        exec: (command) =>
          command[0] === 'nginx' && command[1] === '-v'
            ? { exitCode: 0, output: `nginx version: nginx/${version}\n` }
            : undefined,
      },
      input,
    ),
  );
}

export const nginxImage: ImageModel = {
  tags: (tag) =>
    /^(latest|stable|mainline|alpine|perl|stable-alpine|mainline-alpine|bookworm)$/.test(tag) ||
    /^1\.(1[0-9]|2[0-9])(\.\d{1,2})?(-alpine|-perl|-bookworm|-alpine-slim)?$/.test(tag),
  sizeBytes: 72_099_501,
  pullMs: 3_400,
  behaviour: { start: (input) => nginxModel(input.imageTag).start(input) },
};

export function httpdModel(): ImageBehaviour {
  return overridable((input) =>
    serverProcess(
      {
        ports: [80],
        startupLogs: (i) => {
          const d = new Date(i.startedAt);
          const stamp = `${d.toUTCString().slice(0, 3)} ${d.toUTCString().slice(8, 11)} ${String(d.getUTCDate()).padStart(2, '0')} ${d.toISOString().slice(11, 19)}.000000 ${d.getUTCFullYear()}`;
          const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${i.podIP}. Set the 'ServerName' directive globally to suppress this message`;
          return [
            { atMs: 20, text: fqdn, stream: 'stderr' },
            { atMs: 21, text: fqdn, stream: 'stderr' },
            { atMs: 22, text: `[${stamp}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations`, stream: 'stderr' },
            { atMs: 23, text: `[${stamp}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`, stream: 'stderr' },
          ];
        },
        http: (req, elapsed, i) => {
          const ok = req.path === '/' || req.path === '/index.html';
          const body = ok ? '<html><body><h1>It works!</h1></body></html>\n' : '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';
          const status = ok ? 200 : 404;
          const from = req.headers['x-forwarded-for'] ?? '10.244.0.1';
          return {
            status,
            body,
            headers: { server: 'Apache/2.4.62 (Unix)' },
            log: [`${from} - - [${clfTime(i.startedAt + elapsed)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${body.length}`],
          };
        },
        sigterm: { afterMs: 300, exitCode: 0 },
      },
      input,
    ),
  );
}

export const httpdImage: ImageModel = {
  tags: (tag) => /^(latest|alpine|2|2\.4|2\.4\.\d{1,2})(-alpine|-bookworm)?$/.test(tag),
  sizeBytes: 58_240_127,
  pullMs: 2_900,
  behaviour: httpdModel(),
};

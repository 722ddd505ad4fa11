// What is inside each image, as far as `kubectl exec` can tell: which shell (if any), which
// programs are on PATH, the base distribution, and the working directory. busybox has wget but not
// curl; nginx (Debian) has bash and curl but no wget; distroless images have no shell at all.
import { parseImageReference } from '../../workloads/image-reference.ts';

export interface ImageProfile {
  /** The distribution, for /etc/os-release and the prompt style. */
  base: 'busybox' | 'alpine' | 'debian' | 'ubuntu' | 'distroless';
  /** Shells on PATH; empty = no shell (distroless). */
  shells: string[];
  /** Programs on PATH besides the shells. */
  binaries: string[];
  workdir: string;
  /** Files the image brings (absolute path → content). */
  files?: Record<string, string>;
}

const coreutils = ['ls', 'cat', 'echo', 'printf', 'env', 'printenv', 'hostname', 'head', 'tail', 'grep', 'wc', 'sort', 'uniq', 'cut', 'tr', 'tee', 'base64', 'mkdir', 'rm', 'touch', 'cp', 'mv', 'pwd', 'sleep', 'date', 'true', 'false', 'id', 'whoami', 'uname'];
const busybox: ImageProfile = { base: 'busybox', shells: ['sh', 'ash'], binaries: [...coreutils, 'wget', 'nslookup', 'ps', 'ping', 'nc', 'top', 'kill', 'vi'], workdir: '/' };
const alpine: ImageProfile = { base: 'alpine', shells: ['sh', 'ash'], binaries: [...coreutils, 'wget', 'nslookup', 'ps', 'ping', 'nc', 'top', 'kill', 'vi', 'apk'], workdir: '/' };
const debian: ImageProfile = { base: 'debian', shells: ['sh', 'bash', 'dash'], binaries: [...coreutils, 'apt-get'], workdir: '/' };
const distroless: ImageProfile = { base: 'distroless', shells: [], binaries: [], workdir: '/' };

const nginxConf = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

/** The profile for an image reference; unknown images are treated as distroless (no shell). */
export function profileFor(image: string, welcomePage: string): ImageProfile {
  const parsed = parseImageReference(image);
  const repo = parsed.ok ? parsed.ref.repository : image;
  const tag = parsed.ok ? (parsed.ref.tag ?? '') : '';
  const short = repo.replace(/^docker\.io\/(library\/)?/, '');
  const nginxFiles = { '/usr/share/nginx/html/index.html': welcomePage, '/etc/nginx/conf.d/default.conf': nginxConf };
  if (short === 'busybox' || short === 'registry.k8s.io/busybox') return busybox;
  if (short === 'alpine') return alpine;
  if (short === 'nginx' || short === 'nginxinc/nginx-unprivileged') {
    return tag.includes('alpine')
      ? { ...alpine, binaries: [...alpine.binaries, 'curl', 'nginx'], files: nginxFiles }
      : { ...debian, binaries: [...debian.binaries, 'curl', 'nginx'], files: nginxFiles };
  }
  if (short === 'httpd') return { ...debian, workdir: '/usr/local/apache2', binaries: [...debian.binaries, 'httpd'] };
  if (short === 'ubuntu') return { ...debian, base: 'ubuntu' };
  if (short === 'debian' || short === 'redis' || short === 'postgres') return debian;
  // The Bookstore's services run on node:24-alpine (bookstore/services/*/Dockerfile).
  if (short.startsWith('bookstore/')) return short === 'bookstore/storefront' ? { ...alpine, binaries: [...alpine.binaries, 'curl', 'nginx'] } : { ...alpine, workdir: '/app', binaries: [...alpine.binaries, 'node'] };
  return distroless;
}

export function osRelease(base: ImageProfile['base']): string | undefined {
  switch (base) {
    case 'alpine':
      return 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.0\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n';
    case 'debian':
      return 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n';
    case 'ubuntu':
      return 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\n';
    default:
      return undefined;
  }
}

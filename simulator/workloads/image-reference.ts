// How a container runtime reads an image name: `nginx` means docker.io/library/nginx:latest,
// `registry.k8s.io/pause:3.10` keeps its registry. Follows the rules of the docker reference
// grammar (distribution/reference) that containerd and the kubelet use, including its errors.

export interface ImageReference {
  /** Registry host: docker.io, registry.k8s.io, localhost:5000 … */
  domain: string;
  /** Repository path inside the registry: library/nginx, coredns/coredns. */
  path: string;
  tag?: string;
  digest?: string;
  /** domain/path, the key a registry stores an image under. */
  repository: string;
  /** Fully qualified: docker.io/library/nginx:latest (tag defaulted when there is no digest). */
  normalized: string;
}

export type ParsedImage = { ok: true; ref: ImageReference } | { ok: false; error: string };

const component = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const domainPattern = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$/;
const tagPattern = /^[\w][\w.-]{0,127}$/;
const digestPattern = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

/** Parses and normalises an image reference; errors read like distribution/reference's. */
export function parseImageReference(image: string): ParsedImage {
  const invalid = { ok: false as const, error: 'invalid reference format' };
  if (!image || image !== image.trim() || /\s/.test(image)) return invalid;

  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestPattern.test(digest)) return invalid;
  }

  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!tagPattern.test(tag)) return invalid;
  }

  const parts = rest.split('/');
  let domain = 'docker.io';
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
    if (first !== first.toLowerCase() && !first.includes('.') && !first.includes(':')) {
      // An uppercase first component is a repository name, not a host.
      return { ok: false, error: 'invalid reference format: repository name must be lowercase' };
    }
    if (!domainPattern.test(first)) return invalid;
    domain = first;
    parts.shift();
  }
  if (parts.length === 0) return invalid;
  for (const p of parts) {
    if (!component.test(p)) {
      if (component.test(p.toLowerCase())) {
        return { ok: false, error: 'invalid reference format: repository name must be lowercase' };
      }
      return invalid;
    }
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  let path = parts.join('/');
  if (domain === 'docker.io' && parts.length === 1) path = `library/${path}`;
  if (path.length + domain.length + 1 > 255) return { ok: false, error: 'invalid reference format: repository name must not be more than 255 characters' };

  const repository = `${domain}/${path}`;
  if (!tag && !digest) tag = 'latest';
  const normalized = `${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
  return { ok: true, ref: { domain, path, tag, digest, repository, normalized } };
}

/** The kubelet's wording when an image name does not parse (the InspectFailed event and the
 * InvalidImageName waiting message). */
export function invalidImageNameMessage(image: string, error: string): string {
  return `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${error}`;
}

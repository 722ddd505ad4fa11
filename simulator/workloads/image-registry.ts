// The container registries the simulated nodes pull from: which images and tags exist, how big
// they are, how long a pull takes, and what each image does when run. A pull of something that
// does not exist fails with the error containerd gives, so ErrImagePull shows the real text.
//
// Registering an image (the Bookstore does this for its own services):
//   registry.register('ghcr.io/wheelhouse/catalog', { tags: ['1.0.0'], sizeBytes: 18_000_000, behaviour })
// or, for every registry created afterwards: registerImage('ghcr.io/wheelhouse/catalog', model).
import type { ImageBehaviour } from './container-model.ts';
import { fakeSha256 } from './digest.ts';
import { parseImageReference, type ImageReference } from './image-reference.ts';

export interface ImageModel {
  /** Tags that exist; a function for images with many versions. Default: ['latest']. */
  tags?: readonly string[] | ((tag: string) => boolean);
  /** Compressed size, reported in the Pulled event. */
  sizeBytes?: number;
  /** How long a pull takes; default from the size at ~25 MB/s plus registry round trips. */
  pullMs?: number;
  /** Already in every kind node's image store (the images kind preloads). */
  preloaded?: boolean;
  behaviour: ImageBehaviour;
}

export interface ResolvedImage {
  ref: ImageReference;
  model: ImageModel;
  digest: string; // sha256:…
  /** What status.imageID shows: repository@digest. */
  imageID: string;
  sizeBytes: number;
  pullMs: number;
}

export type PullResult = { ok: true; image: ResolvedImage } | { ok: false; error: string };

const extraImages = new Map<string, ImageModel>();

/** Adds an image to every registry created from now on (call at module load, before createCluster). */
export function registerImage(name: string, model: ImageModel): void {
  extraImages.set(repositoryKey(name), model);
}

function repositoryKey(name: string): string {
  const parsed = parseImageReference(name);
  if (!parsed.ok) throw new Error(`registerImage: ${name}: ${parsed.error}`);
  return parsed.ref.repository;
}

function tagExists(model: ImageModel, tag: string): boolean {
  const tags = model.tags ?? ['latest'];
  return typeof tags === 'function' ? tags(tag) : tags.includes(tag);
}

export class ImageRegistry {
  #models = new Map<string, ImageModel>();
  #unpullable = new Set<string>();

  constructor(models: Iterable<[string, ImageModel]> = []) {
    for (const [name, model] of models) this.register(name, model);
    for (const [name, model] of extraImages) this.#models.set(name, model);
  }

  register(name: string, model: ImageModel): void {
    this.#models.set(repositoryKey(name), model);
  }

  /** The image as a pull would find it, ignoring faults: undefined when it does not exist. */
  lookup(image: string): ResolvedImage | undefined {
    const parsed = parseImageReference(image);
    if (!parsed.ok) return undefined;
    const ref = parsed.ref;
    const model = this.#models.get(ref.repository);
    if (!model) return undefined;
    const digest = `sha256:${fakeSha256(`${ref.repository}:${ref.tag ?? ''}`)}`;
    if (ref.digest ? ref.tag !== undefined && !tagExists(model, ref.tag) : !tagExists(model, ref.tag!)) return undefined;
    const sizeBytes = model.sizeBytes ?? 10_000_000;
    return {
      ref,
      model,
      digest: ref.digest ?? digest,
      imageID: `${ref.repository}@${ref.digest ?? digest}`,
      sizeBytes,
      pullMs: model.pullMs ?? Math.round(400 + sizeBytes / 25_000),
    };
  }

  isPreloaded(image: string): boolean {
    return !!this.lookup(image)?.model.preloaded;
  }

  /** What containerd answers to a pull: the image, or its error text. */
  pull(image: string): PullResult {
    const parsed = parseImageReference(image);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const ref = parsed.ref;
    const name = ref.normalized;
    const resolve = `failed to pull and unpack image "${name}": failed to resolve reference "${name}"`;
    const model = this.#models.get(ref.repository);
    if (!model) {
      if (ref.domain !== 'docker.io' && !ref.domain.endsWith('.k8s.io') && !ref.domain.endsWith('ghcr.io') && !ref.domain.endsWith('quay.io')) {
        return {
          ok: false,
          error: `rpc error: code = Unknown desc = ${resolve}: failed to do request: Head "https://${ref.domain}/v2/${ref.path}/manifests/${ref.tag ?? ref.digest}": dial tcp: lookup ${ref.domain.replace(/:\d+$/, '')}: no such host`,
        };
      }
      return {
        ok: false,
        error: `rpc error: code = Unknown desc = ${resolve}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
      };
    }
    const found = this.lookup(image);
    if (!found || this.#unpullable.has(name) || this.#unpullable.has(ref.repository)) {
      return { ok: false, error: `rpc error: code = NotFound desc = ${resolve}: ${name}: not found` };
    }
    return { ok: true, image: found };
  }

  /** Fault: pulls of this image (a tag, or a whole repository if no tag is given) fail as not found. */
  makeImageUnpullable(image: string): void {
    const parsed = parseImageReference(image);
    if (!parsed.ok) throw new Error(`makeImageUnpullable: ${image}: ${parsed.error}`);
    const explicitTag = /:[^/]+$/.test(image) || image.includes('@');
    this.#unpullable.add(explicitTag ? parsed.ref.normalized : parsed.ref.repository);
  }

  makeImagePullable(image: string): void {
    const parsed = parseImageReference(image);
    if (!parsed.ok) return;
    this.#unpullable.delete(parsed.ref.normalized);
    this.#unpullable.delete(parsed.ref.repository);
  }

  /** Every image kind nodes start with, as normalised references with their tags. */
  preloadedImages(): string[] {
    const out: string[] = [];
    for (const [repo, model] of this.#models) {
      if (!model.preloaded || typeof model.tags === 'function') continue;
      for (const tag of model.tags ?? ['latest']) out.push(`${repo}:${tag}`);
    }
    return out;
  }

  snapshot(): { unpullable: string[] } {
    return { unpullable: [...this.#unpullable] };
  }

  restore(state: { unpullable: string[] }): void {
    this.#unpullable = new Set(state.unpullable);
  }
}

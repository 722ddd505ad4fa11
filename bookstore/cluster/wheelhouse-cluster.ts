// The logic behind `wheelhouse cluster up | down | load-images`: a kind cluster named wheelhouse
// from bookstore/kind-config.yaml, with the Bookstore images built locally and loaded into its
// nodes (so no registry is needed). The CLI wires these to commands and passes a real `run`.
import path from 'node:path';
import { bookstoreImages, type BookstoreImage } from '../images.ts';
import { ClusterError, requireDocker, requireKind } from './prerequisites.ts';
import type { Run } from './run-command.ts';

export const clusterName = 'wheelhouse';

export interface ClusterOptions {
  run: Run;
  /** The checkout's root: Dockerfiles and kind-config.yaml are found from here. */
  repoRoot: string;
  log?: (line: string) => void;
  /** Only these image references (default: every buildable row of the table). */
  images?: string[];
}

async function clusterExists(run: Run): Promise<boolean> {
  const result = await run('kind', ['get', 'clusters']);
  if (result.code !== 0) throw new ClusterError(`"kind get clusters" failed: ${result.stderr.trim()}`);
  return result.stdout.split('\n').map((l) => l.trim()).includes(clusterName);
}

async function mustSucceed(run: Run, command: string, args: string[], what: string): Promise<void> {
  const result = await run(command, args);
  if (result.code !== 0) {
    const detail = (result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n');
    throw new ClusterError(`${what} failed (${command} ${args.join(' ')}):\n${detail}`);
  }
}

/** The `docker build` arguments for one row of the image table. */
export function dockerBuildArgs(image: BookstoreImage, repoRoot: string): string[] {
  const args = ['build', '--file', path.join(repoRoot, image.dockerfile), '--tag', image.image];
  for (const [name, value] of Object.entries(image.buildArgs)) args.push('--build-arg', `${name}=${value}`);
  args.push(repoRoot);
  return args;
}

function selectImages(wanted: string[] | undefined): BookstoreImage[] {
  if (!wanted) return bookstoreImages.filter((i) => i.built);
  return wanted.map((ref) => {
    const row = bookstoreImages.find((i) => i.image === ref);
    if (!row) throw new ClusterError(`${ref} is not a Bookstore image; known: ${bookstoreImages.map((i) => i.image).join(', ')}`);
    if (!row.built) throw new ClusterError(`${ref} is never built, on purpose: ${row.description}`);
    return row;
  });
}

export async function clusterUp(options: ClusterOptions): Promise<void> {
  const { run } = options;
  const log = options.log ?? (() => {});
  await requireDocker(run);
  await requireKind(run);
  if (await clusterExists(run)) {
    log(`kind cluster "${clusterName}" already exists; keeping it`);
  } else {
    log(`creating kind cluster "${clusterName}" (1 control plane, 2 workers)…`);
    await mustSucceed(run, 'kind', ['create', 'cluster', '--config', path.join(options.repoRoot, 'bookstore', 'kind-config.yaml')], 'creating the cluster');
  }
  await buildAndLoad(options, selectImages(options.images));
  log(`ready: kubectl config use-context kind-${clusterName}`);
}

export async function clusterDown(options: ClusterOptions): Promise<void> {
  const { run } = options;
  const log = options.log ?? (() => {});
  await requireKind(run);
  if (!(await clusterExists(run))) {
    log(`no kind cluster "${clusterName}": nothing to delete`);
    return;
  }
  log(`deleting kind cluster "${clusterName}"…`);
  await mustSucceed(run, 'kind', ['delete', 'cluster', '--name', clusterName], 'deleting the cluster');
}

/** Builds the Bookstore images from this checkout and loads them into the cluster's nodes. */
export async function loadImages(options: ClusterOptions): Promise<string[]> {
  const { run } = options;
  const images = selectImages(options.images);
  await requireDocker(run);
  await requireKind(run);
  if (!(await clusterExists(run))) throw new ClusterError(`no kind cluster "${clusterName}": run "wheelhouse cluster up" first`);
  return buildAndLoad(options, images);
}

async function buildAndLoad(options: ClusterOptions, images: BookstoreImage[]): Promise<string[]> {
  const { run } = options;
  const log = options.log ?? (() => {});
  for (const image of images) {
    log(`building ${image.image}…`);
    await mustSucceed(run, 'docker', dockerBuildArgs(image, options.repoRoot), `building ${image.image}`);
  }
  const skipped = bookstoreImages.filter((i) => !i.built).map((i) => i.image);
  if (!options.images && skipped.length) log(`not built, on purpose (labs expect the pull to fail): ${skipped.join(', ')}`);
  log(`loading ${images.length} images into the nodes of "${clusterName}"…`);
  await mustSucceed(run, 'kind', ['load', 'docker-image', '--name', clusterName, ...images.map((i) => i.image)], 'loading images');
  return images.map((i) => i.image);
}

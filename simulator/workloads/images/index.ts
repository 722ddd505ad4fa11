// Every image the simulated registries know out of the box. Add course images with
// `registerImage` (image-registry.ts) instead of editing this list.
import type { ImageModel } from '../image-registry.ts';
import { ImageRegistry } from '../image-registry.ts';
import { bookstoreImageModels } from './bookstore.ts';
import { mysqlImage, postgresImage, redisImage } from './databases.ts';
import { exampleImages } from './examples.ts';
import { kubernetesSystemImages } from './kubernetes-system.ts';
import { alpineImage, busyboxImage, debianImage, k8sBusyboxImage, ubuntuImage } from './shells.ts';
import { httpdImage, nginxImage } from './web-servers.ts';

export const defaultImages: Array<[string, ImageModel]> = [
  ['nginx', nginxImage],
  ['httpd', httpdImage],
  ['busybox', busyboxImage],
  ['registry.k8s.io/busybox', k8sBusyboxImage],
  ['alpine', alpineImage],
  ['ubuntu', ubuntuImage],
  ['debian', debianImage],
  ['redis', redisImage],
  ['postgres', postgresImage],
  ['mysql', mysqlImage],
  ...kubernetesSystemImages,
  ...exampleImages,
  ...bookstoreImageModels,
];

/** A registry with the default images and everything registered with registerImage. */
export function createImageRegistry(): ImageRegistry {
  return new ImageRegistry(defaultImages);
}

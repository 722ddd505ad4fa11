// The Bookstore's image tags: one row per tag the course uses, built from the same sources with
// build arguments. The broken-on-purpose tags are here too, so the simulator's behaviour models,
// the cluster loader (`wheelhouse cluster load-images`) and the tests all read the same list.
// bookstore/README.md shows this table for people.

export type BookstoreService = 'catalog' | 'orders' | 'payments-worker' | 'storefront' | 'migrations';

export type ImageBehaviour =
  /** Works as documented. */
  | 'healthy'
  /** The tag is never built or pushed: pulling it fails (ErrImagePull, then ImagePullBackOff). */
  | 'unpullable'
  /** Starts, serves, then exits with code 1 after CRASH_AFTER_SECONDS (10): CrashLoopBackOff. */
  | 'crash'
  /** Runs and answers /healthz, but /readyz never passes: never Ready, never an endpoint. */
  | 'never-ready'
  /** Works for DEADLOCK_AFTER_SECONDS (30), then stops answering anything: liveness restarts it. */
  | 'deadlock';

export interface BookstoreImage {
  /** The full reference a manifest uses, e.g. bookstore/catalog:1.5. */
  image: string;
  repository: string;
  version: string;
  service: BookstoreService;
  /** Dockerfile path from the repository root; the build context is the repository root. */
  dockerfile: string;
  buildArgs: { VERSION: string; FAILURE_MODE?: 'none' | 'crash' | 'never-ready' | 'deadlock' };
  /** False for tags that exist only to fail to pull. */
  built: boolean;
  behaviour: ImageBehaviour;
  description: string;
  /** Chapter ids (content/ file prefixes) whose labs use the tag. */
  chapters: string[];
}

function row(service: BookstoreService, version: string, rest: Omit<BookstoreImage, 'image' | 'repository' | 'version' | 'service' | 'dockerfile'>): BookstoreImage {
  const repository = `bookstore/${service}`;
  return { image: `${repository}:${version}`, repository, version, service, dockerfile: `bookstore/services/${service}/Dockerfile`, ...rest };
}

export const bookstoreImages: readonly BookstoreImage[] = [
  row('catalog', '1.0', {
    buildArgs: { VERSION: '1.0', FAILURE_MODE: 'none' },
    built: true,
    behaviour: 'healthy',
    description: 'The catalog API: books from Postgres, cached in Redis.',
    chapters: ['04', '05', '06', '07', '08', '11', '15'],
  }),
  row('catalog', '1.5', {
    buildArgs: { VERSION: '1.5', FAILURE_MODE: 'none' },
    built: true,
    behaviour: 'healthy',
    description: 'Same code, new version: the rolling update target (its version shows in every response).',
    chapters: ['06', '10', '15'],
  }),
  row('catalog', '1.6', {
    buildArgs: { VERSION: '1.6' },
    built: false,
    behaviour: 'unpullable',
    description: 'Deliberately never built: a typo-like bad tag whose pull fails (ErrImagePull, ImagePullBackOff).',
    chapters: ['06'],
  }),
  row('catalog', '1.7-crash', {
    buildArgs: { VERSION: '1.7-crash', FAILURE_MODE: 'crash' },
    built: true,
    behaviour: 'crash',
    description: 'Exits with code 1 ten seconds after start: CrashLoopBackOff, restarts climbing.',
    chapters: ['06', '10'],
  }),
  row('catalog', '1.8-neverready', {
    buildArgs: { VERSION: '1.8-neverready', FAILURE_MODE: 'never-ready' },
    built: true,
    behaviour: 'never-ready',
    description: 'Alive but never ready: a rollout to it stalls and the old pods keep serving.',
    chapters: ['10'],
  }),
  row('catalog', '1.9-deadlock', {
    buildArgs: { VERSION: '1.9-deadlock', FAILURE_MODE: 'deadlock' },
    built: true,
    behaviour: 'deadlock',
    description: 'Serves for thirty seconds, then the main thread blocks: only a liveness probe gets it back.',
    chapters: ['10'],
  }),
  row('orders', '1.0', {
    buildArgs: { VERSION: '1.0', FAILURE_MODE: 'none' },
    built: true,
    behaviour: 'healthy',
    description: 'The orders API: stores an order and its event together, relays events to RabbitMQ.',
    chapters: ['07', '09', '13', '14', '15'],
  }),
  row('payments-worker', '1.0', {
    buildArgs: { VERSION: '1.0', FAILURE_MODE: 'none' },
    built: true,
    behaviour: 'healthy',
    description: 'Consumes order events and charges each order once.',
    chapters: ['13', '15'],
  }),
  row('storefront', '1.0', {
    buildArgs: { VERSION: '1.0' },
    built: true,
    behaviour: 'healthy',
    description: 'The web UI behind nginx: browse, order, see which pod answered.',
    chapters: ['07', '14', '15'],
  }),
  row('migrations', '1.0', {
    buildArgs: { VERSION: '1.0' },
    built: true,
    behaviour: 'healthy',
    description: 'The migration Job: creates the tables and seeds the books, then exits 0.',
    chapters: ['12', '15'],
  }),
];

/** Images from public registries the Bookstore manifests run, pinned (multi-arch). */
export const dependencyImages = ['postgres:16-alpine', 'redis:7-alpine', 'rabbitmq:3.13-alpine'] as const;

export function findImage(image: string): BookstoreImage | undefined {
  return bookstoreImages.find((i) => i.image === image);
}

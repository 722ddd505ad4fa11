// The labs run bookstore/catalog. Until the Bookstore's own behaviour models are registered with the
// simulator's registry, the lab tests register this stand-in: tags 1.0 and 1.5 pull and serve on
// 8080; 1.6 and the starter's typo v1.0 do not exist, as in bookstore/images.ts.
import { serverProcess } from '../../simulator/workloads/container-model.ts';
import { createImageRegistry } from '../../simulator/workloads/images/index.ts';
import { registerImage } from '../../simulator/workloads/image-registry.ts';

export function ensureCatalogImage(): 'bookstore' | 'stand-in' {
  if (createImageRegistry().pull('bookstore/catalog:1.0').ok) return 'bookstore';
  registerImage('bookstore/catalog', {
    tags: ['1.0', '1.5'],
    sizeBytes: 52_000_000,
    pullMs: 2_000,
    behaviour: { start: (input) => serverProcess({ ports: [8080], sigterm: { afterMs: 5_000, exitCode: 0 } }, input) },
  });
  return 'stand-in';
}

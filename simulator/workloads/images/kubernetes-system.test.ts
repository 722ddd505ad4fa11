import { describe, expect, it } from 'vitest';
import { createImageRegistry } from './index.ts';

describe('registry.k8s.io images', () => {
  it('serves the pause tags the Kubernetes docs use, not only the one kind preloads', () => {
    const registry = createImageRegistry();
    for (const tag of ['2.0', '3.1', '3.6', '3.8', '3.9', '3.10']) expect(registry.lookup(`registry.k8s.io/pause:${tag}`), tag).toBeDefined();
    expect(registry.lookup('registry.k8s.io/pause:9.9')).toBeUndefined();
  });
});

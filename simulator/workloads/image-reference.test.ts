import { describe, expect, it } from 'vitest';
import { invalidImageNameMessage, parseImageReference } from './image-reference.ts';

function norm(image: string): string {
  const r = parseImageReference(image);
  return r.ok ? r.ref.normalized : `error: ${r.error}`;
}

describe('parseImageReference', () => {
  it('normalises short names the way containerd does', () => {
    expect(norm('nginx')).toBe('docker.io/library/nginx:latest');
    expect(norm('nginx:1.27')).toBe('docker.io/library/nginx:1.27');
    expect(norm('bitnami/redis:7.2')).toBe('docker.io/bitnami/redis:7.2');
    expect(norm('registry.k8s.io/pause:3.10')).toBe('registry.k8s.io/pause:3.10');
    expect(norm('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(norm('index.docker.io/library/busybox:1.36')).toBe('docker.io/library/busybox:1.36');
    const digest = 'sha256:' + 'a'.repeat(64);
    expect(norm(`nginx@${digest}`)).toBe(`docker.io/library/nginx@${digest}`);
  });

  it('rejects what the reference grammar rejects', () => {
    expect(norm('Nginx')).toBe('error: invalid reference format: repository name must be lowercase');
    expect(norm('nginx:')).toBe('error: invalid reference format');
    expect(norm('nginx::1')).toBe('error: invalid reference format');
    expect(norm('ngi nx')).toBe('error: invalid reference format');
    expect(norm('')).toBe('error: invalid reference format');
  });

  it('words the kubelet InvalidImageName message', () => {
    expect(invalidImageNameMessage('Nginx', 'invalid reference format: repository name must be lowercase')).toBe(
      'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name must be lowercase',
    );
  });
});

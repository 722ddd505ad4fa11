// The store runs every hook of a kind's strategy, in kube-apiserver's order: decode, default,
// admit, prepare, validate. These cases use the real strategies from kinds/.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster.ts';
import { ApiError } from './errors.ts';

const secrets = { resource: 'secrets' };
const pods = { resource: 'pods' };

function failure(action: () => unknown) {
  try {
    action();
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('strategy hooks in the write path', () => {
  it('a Secret whose data is not base64 is a 400 from the decoder, not an Invalid', () => {
    const cluster = createCluster({ seed: 7 });
    const status = failure(() =>
      cluster.client.create(secrets, {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'db', namespace: 'default' },
        data: { password: 'not base64!' },
      }),
    );
    expect(status.code).toBe(400);
    expect(status.reason).toBe('BadRequest');
    expect(status.message).toMatch(/^Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte \d+$/);
  });

  it('a Pod naming a ServiceAccount that does not exist is refused by admission with 403', () => {
    const cluster = createCluster({ seed: 7 });
    const status = failure(() =>
      cluster.client.create(pods, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web', namespace: 'default' },
        spec: { serviceAccountName: 'ghost', containers: [{ name: 'web', image: 'nginx' }] },
      }),
    );
    expect(status.code).toBe(403);
    expect(status.reason).toBe('Forbidden');
    expect(status.message).toBe(
      'pods "web" is forbidden: error looking up service account default/ghost: serviceaccount "ghost" not found',
    );
  });

  it('a status write cannot change a Pod\'s spec', () => {
    const cluster = createCluster({ seed: 7 });
    const pod = cluster.client.create(pods, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'default' },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    });
    const edited = structuredClone(pod) as typeof pod & { spec: { containers: { image: string }[] } };
    edited.spec.containers[0]!.image = 'nginx:1.27';
    const stored = cluster.client.updateStatus(pods, edited) as typeof edited;
    expect(stored.spec.containers[0]!.image).toBe('nginx');
  });
});

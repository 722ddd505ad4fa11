// Every namespace gets a `default` ServiceAccount (pods run as it unless they name another) and a
// `kube-root-ca.crt` ConfigMap (the cluster CA, for verifying the API server from inside a pod).
// Delete either and it comes back. Upstream these are two controllers — the service-account
// controller and the root-ca-cert-publisher — doing the same thing for one object each.
import { hasReason } from '../machinery/errors.ts';
import type { KubeObject, WatchEvent } from '../machinery/types.ts';
import { getIfExists } from './client-calls.ts';
import type { Controller, ControllerContext, ControllerWatch } from './controller.ts';
import { CONFIGMAPS, NAMESPACES, SERVICEACCOUNTS } from './workload-types.ts';

export const rootCAConfigMapName = 'kube-root-ca.crt';
const rootCADescription =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** A stand-in cluster CA: the simulator has no TLS of its own; the shape matches a real bundle. */
export const simulatedClusterCA = [
  '-----BEGIN CERTIFICATE-----',
  'MIIDBTCCAe2gAwIBAgIIV2hlZWxob3VzZTANBgkqhkiG9w0BAQsFADAVMRMwEQYD',
  'VQQDEwprdWJlcm5ldGVzMB4XDTI1MDEwMTAwMDAwMFoXDTM1MDEwMTAwMDAwMFow',
  'FTETMBEGA1UEAxMKa3ViZXJuZXRlczCCASIwDQYJKoZIhvcNAQEBBQADggEPADCC',
  'AQoCggEBAFdoZWVsaG91c2Ugc2ltdWxhdGVkIGNsdXN0ZXIgQ0EsIG5vdCBhIHJl',
  'YWwga2V5LiBTZWUgc2ltdWxhdG9yL2NvbnRyb2xsZXJzL3NlcnZpY2VhY2NvdW50',
  '-----END CERTIFICATE-----',
  '',
].join('\n');

interface Namespace extends KubeObject {
  status?: { phase?: string };
}

export class ServiceAccountController implements Controller {
  readonly name = 'service-account-controller';
  readonly watches: readonly ControllerWatch[];
  private readonly caBundle: string;
  private readonly enforceBundle: boolean;

  constructor(options: { caBundle?: string } = {}) {
    this.caBundle = options.caBundle ?? simulatedClusterCA;
    // Without a configured CA we only fill in missing bundles and leave seeded ones alone.
    this.enforceBundle = options.caBundle !== undefined;
    this.watches = [
      { resource: NAMESPACES, keysFor: (e) => (e.type === 'DELETED' ? [] : [e.object.metadata.name ?? '']) },
      { resource: SERVICEACCOUNTS, keysFor: (e) => ifNamed(e, 'default') },
      { resource: CONFIGMAPS, keysFor: (e) => ifNamed(e, rootCAConfigMapName) },
    ];
  }

  reconcile(namespace: string, ctx: ControllerContext): void {
    const ns = getIfExists<Namespace>(ctx.client, NAMESPACES, undefined, namespace);
    // Nothing new goes into a namespace that is going away.
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') return;

    if (!getIfExists(ctx.client, SERVICEACCOUNTS, namespace, 'default')) {
      createQuietly(ctx, SERVICEACCOUNTS, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } });
    }

    const cm = getIfExists<KubeObject & { data?: Record<string, string> }>(ctx.client, CONFIGMAPS, namespace, rootCAConfigMapName);
    const annotations = { 'kubernetes.io/description': rootCADescription };
    if (!cm) {
      createQuietly(ctx, CONFIGMAPS, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: rootCAConfigMapName, namespace, annotations },
        data: { 'ca.crt': this.caBundle },
      });
    } else if (!cm.data?.['ca.crt'] || (this.enforceBundle && cm.data['ca.crt'] !== this.caBundle) || cm.metadata.annotations?.['kubernetes.io/description'] !== rootCADescription) {
      // Someone edited it: the publisher puts the bundle back.
      try {
        ctx.client.update(CONFIGMAPS, {
          ...cm,
          metadata: { ...cm.metadata, annotations: { ...(cm.metadata.annotations ?? {}), ...annotations } },
          data: { ...(cm.data ?? {}), 'ca.crt': this.enforceBundle || !cm.data?.['ca.crt'] ? this.caBundle : cm.data['ca.crt'] },
        });
      } catch (err) {
        if (hasReason(err, 'Conflict')) ctx.requeueAfter(namespace, 0);
        else if (!hasReason(err, 'NotFound')) throw err;
      }
    }
  }
}

export function serviceAccountController(options: { caBundle?: string } = {}): Controller {
  return new ServiceAccountController(options);
}

function ifNamed(event: WatchEvent, name: string): string[] {
  return event.object.metadata.name === name && event.type !== 'ADDED' ? [event.object.metadata.namespace ?? ''] : [];
}

function createQuietly(ctx: ControllerContext, ref: { group: string; resource: string }, obj: KubeObject): void {
  try {
    ctx.client.create(ref, obj);
  } catch (err) {
    // Already there (a race with ourselves) or the namespace started terminating: both fine.
    if (!hasReason(err, 'AlreadyExists') && !hasReason(err, 'Forbidden')) throw err;
  }
}

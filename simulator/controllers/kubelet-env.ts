// A container's environment as the kubelet builds it before creating the container: literal
// values, ConfigMap and Secret keys, and the downward API. A reference to something missing is
// the CreateContainerConfigError the pod then shows, with the kubelet's wording.
import { hasReason } from '../machinery/errors.ts';
import type { ApiClient, KubeObject } from '../machinery/types.ts';
import { type Container, type Pod, configMapsRef, secretsRef } from './pod-types.ts';

type DataObject = KubeObject & { data?: Record<string, string>; binaryData?: Record<string, string> };

function decodeBase64(text: string): string {
  try {
    return atob(text);
  } catch {
    return text;
  }
}

export function resolveEnv(client: ApiClient, pod: Pod, c: Container, podIP: string): { env: Record<string, string> } | { error: string } {
  const namespace = pod.metadata.namespace ?? 'default';
  const cache = new Map<string, DataObject | undefined>();
  const fetch = (kind: 'configmap' | 'secret', name: string): DataObject | undefined => {
    const k = `${kind}/${name}`;
    if (!cache.has(k)) {
      try {
        cache.set(k, client.get<DataObject>(kind === 'configmap' ? configMapsRef : secretsRef, namespace, name));
      } catch (err) {
        if (!hasReason(err, 'NotFound')) throw err;
        cache.set(k, undefined);
      }
    }
    return cache.get(k);
  };
  const env: Record<string, string> = {};

  for (const from of c.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const kind = from.configMapRef ? 'configmap' : 'secret';
    const obj = fetch(kind, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      return { error: `${kind} "${ref.name}" not found` };
    }
    for (const [k, v] of Object.entries(obj.data ?? {})) env[`${from.prefix ?? ''}${k}`] = kind === 'secret' ? decodeBase64(v) : v;
  }

  for (const e of c.env ?? []) {
    if (e.value !== undefined || !e.valueFrom) {
      // $(VAR) refers to variables defined earlier in the list.
      env[e.name] = (e.value ?? '').replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, n: string) => env[n] ?? m);
      continue;
    }
    const vf = e.valueFrom;
    const keyRef = vf.configMapKeyRef ?? vf.secretKeyRef;
    if (keyRef) {
      const kind = vf.configMapKeyRef ? 'configmap' : 'secret';
      const obj = fetch(kind, keyRef.name);
      if (!obj) {
        if (keyRef.optional) continue;
        return { error: `${kind} "${keyRef.name}" not found` };
      }
      const value = obj.data?.[keyRef.key];
      if (value === undefined) {
        if (keyRef.optional) continue;
        return { error: `couldn't find key ${keyRef.key} in ${kind === 'configmap' ? 'ConfigMap' : 'Secret'} ${namespace}/${keyRef.name}` };
      }
      env[e.name] = kind === 'secret' ? decodeBase64(value) : value;
      continue;
    }
    if (vf.fieldRef) {
      const path = vf.fieldRef.fieldPath;
      const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
      const fields: Record<string, string | undefined> = {
        'metadata.name': pod.metadata.name,
        'metadata.namespace': namespace,
        'metadata.uid': pod.metadata.uid,
        'spec.nodeName': pod.spec.nodeName,
        'spec.serviceAccountName': pod.spec.serviceAccountName as string | undefined,
        'status.podIP': podIP,
        'status.hostIP': pod.status?.hostIP,
      };
      env[e.name] = label ? ((label[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[label[2]!] ?? '') : (fields[path] ?? '');
      continue;
    }
    if (vf.resourceFieldRef) env[e.name] = '0';
  }
  return { env };
}

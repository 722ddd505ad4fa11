// Bodies captured from real kubectl 1.32 `create` commands (kubectl-requests.log), decoded into
// the JSON kubectl 1.31 sent for the same commands.
import { describe, expect, it } from 'vitest';
import { decodeProtobufObject, isProtobufBody } from './decode.ts';

const captured = {
  deployment: 'azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50EqcBCh0KAmQzEgAaACIAKgAyADgAQgBaCQoDYXBwEgJkMxJ4CAESCwoJCgNhcHASAmQzGl8KGwoAEgAaACIAKgAyADgAQgBaCQoDYXBwEgJkMxJAEiIKBW5naW54EgVuZ2lueCoAQgBqAHIAgAEAiAEAkAEAogEAGgAyAEIASgBSAFgAYABoAIIBAIoBAJoBAMIBACICCgAoADgAGgwIABAAGAAgACgAOAAaACIA',
  service: 'azhzAAoNCgJ2MRIHU2VydmljZRJsCiEKBHN2YzESABoAIgAqADIAOABCAFoLCgNhcHASBHN2YzESQwobCgc4MC04MDgwEgNUQ1AYUCIHCAAQkD8aACgAEgsKA2FwcBIEc3ZjMRoAIglDbHVzdGVySVA6AEIAUgBaAGAAaAAaAgoAGgAiAA==',
  secret: 'azhzAAoMCgJ2MRIGU2VjcmV0EiUKEgoCczESABoAIgAqADIAOABCABINCghwYXNzd29yZBIBeBoAGgAiAA==',
  job: 'azhzAAoPCghiYXRjaC92MRIDSm9iEoQBChIKAmoxEgAaACIAKgAyADgAQgASZDJiChAKABIAGgAiACoAMgA4AEIAEk4SKwoCajESB2J1c3lib3gaBGVjaG8aAmhpKgBCAGoAcgCAAQCIAQCQAQCiAQAaBU5ldmVyMgBCAEoAUgBYAGAAaACCAQCKAQCaAQDCAQAaCCAAKAAwADoAGgAiAA==',
  namespace: 'azhzAAoPCgJ2MRIJTmFtZXNwYWNlEhoKEgoCY2ISABoAIgAqADIAOABCABIAGgIKABoAIgA=',
  hpa: 'azhzAAopCg5hdXRvc2NhbGluZy92MRIXSG9yaXpvbnRhbFBvZEF1dG9zY2FsZXISPwoTCgN3ZWISABoAIgAqADIAOABCABIiChoKCkRlcGxveW1lbnQSA3dlYhoHYXBwcy92MRACGAUgUBoEGAAgABoAIgA=',
};
const body = (b64: string) => Buffer.from(b64, 'base64');

describe('kubectl protobuf request bodies', () => {
  it('create deployment: the typed Deployment, without the zero values Go writes for value fields', () => {
    expect(decodeProtobufObject(body(captured.deployment))).toEqual({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'd3', labels: { app: 'd3' } },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'd3' } },
        template: { metadata: { labels: { app: 'd3' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] } },
        strategy: {},
      },
      status: {},
    });
  });

  it('create service clusterip: ports with an int-or-string targetPort', () => {
    expect(decodeProtobufObject(body(captured.service))).toEqual({
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 'svc1', labels: { app: 'svc1' } },
      spec: { ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }], selector: { app: 'svc1' }, type: 'ClusterIP' },
      status: { loadBalancer: {} },
    });
  });

  it('create secret generic: data bytes become base64', () => {
    expect(decodeProtobufObject(body(captured.secret))).toEqual({ kind: 'Secret', apiVersion: 'v1', metadata: { name: 's1' }, data: { password: 'eA==' } });
  });

  it('create job and create namespace', () => {
    expect(decodeProtobufObject(body(captured.job))).toMatchObject({
      kind: 'Job',
      spec: { template: { spec: { containers: [{ name: 'j1', image: 'busybox', command: ['echo', 'hi'] }], restartPolicy: 'Never' } } },
    });
    expect(decodeProtobufObject(body(captured.namespace))).toEqual({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'cb' }, spec: {}, status: {} });
  });

  it('keeps the zero of a pointer field (replicas: 0), which JSON would have sent too', async () => {
    const { protoRoot } = await import('./messages.ts');
    const root = protoRoot();
    const Deployment = root.lookupType('k8s.Deployment');
    const raw = Deployment.encode(Deployment.fromObject({ metadata: { name: 'zero', generation: 0 }, spec: { replicas: 0, minReadySeconds: 0 } })).finish();
    const Unknown = root.lookupType('k8s.Unknown');
    const envelope = Unknown.encode(Unknown.fromObject({ typeMeta: { apiVersion: 'apps/v1', kind: 'Deployment' }, raw })).finish();
    const decoded = decodeProtobufObject(Buffer.concat([Buffer.from('k8s\0', 'latin1'), Buffer.from(envelope)]));
    expect(decoded).toEqual({ kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name: 'zero' }, spec: { replicas: 0 } });
  });

  it('refuses kinds it has no message for with 415, and bodies without the magic with 400', () => {
    expect(() => decodeProtobufObject(body(captured.hpa))).toThrow(expect.objectContaining({ code: 415 }));
    expect(isProtobufBody(Buffer.from('{}'))).toBe(false);
    expect(() => decodeProtobufObject(Buffer.from('{}'))).toThrow(expect.objectContaining({ code: 400 }));
  });
});

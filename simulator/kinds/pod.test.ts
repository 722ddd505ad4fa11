import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../machinery/types.ts';
import { create, fakeContext, update } from './test-kit.ts';

function pod(spec: Record<string, unknown>, name = 'web'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec };
}
const nginx = { name: 'nginx', image: 'nginx:1.27' };

describe('Pod validation messages', () => {
  it('a missing image', () => {
    expect(create(pod({ containers: [{ name: 'nginx' }] })).messages).toEqual(['spec.containers[0].image: Required value']);
  });

  it('no containers at all', () => {
    expect(create(pod({})).messages).toEqual(['spec.containers: Required value']);
  });

  it('a name with capitals', () => {
    const r = create(pod({ containers: [nginx] }, 'My_App'));
    expect(r.messages).toEqual([
      "metadata.name: Invalid value: \"My_App\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });

  it('a missing name', () => {
    const r = create({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default' }, spec: { containers: [nginx] } });
    expect(r.messages).toEqual(['metadata.name: Required value: name or generateName is required']);
  });

  it('two containers with the same name', () => {
    const r = create(pod({ containers: [nginx, { name: 'nginx', image: 'busybox' }] }));
    expect(r.messages).toEqual(['spec.containers[1].name: Duplicate value: "nginx"']);
  });

  it('a container name that is not a DNS label', () => {
    const r = create(pod({ containers: [{ name: 'Web_App', image: 'nginx' }] }));
    expect(r.messages).toEqual([
      "spec.containers[0].name: Invalid value: \"Web_App\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it('bad ports', () => {
    const r = create(pod({ containers: [{ ...nginx, ports: [{ containerPort: 70000 }, { containerPort: 80, protocol: 'HTTP' }, {}] }] }));
    expect(r.messages).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.containers[0].ports[2].containerPort: Required value',
    ]);
  });

  it('requests above limits', () => {
    const r = create(pod({ containers: [{ ...nginx, resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] }));
    expect(r.messages).toEqual(['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1']);
  });

  it('memory requests above limits print canonical quantities', () => {
    const r = create(pod({ containers: [{ ...nginx, resources: { requests: { memory: '1024Mi' }, limits: { memory: '0.5Gi' } } }] }));
    expect(r.messages).toEqual(['spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi']);
  });

  it('an unparsable quantity is a decode error, not a validation error', () => {
    const r = create(pod({ containers: [{ ...nginx, resources: { limits: { memory: '1 GB' } } }] }));
    expect(r.decodeError).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });

  it('restartPolicy values', () => {
    expect(create(pod({ containers: [nginx], restartPolicy: 'Sometimes' })).messages).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
  });

  it('a probe needs exactly one handler', () => {
    const none = create(pod({ containers: [{ ...nginx, livenessProbe: { periodSeconds: 5 } }] }));
    expect(none.messages).toEqual(['spec.containers[0].livenessProbe: Required value: must specify a handler type']);
    const two = create(pod({ containers: [{ ...nginx, readinessProbe: { httpGet: { port: 80 }, tcpSocket: { port: 80 } } }] }));
    expect(two.messages).toEqual(['spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type']);
  });

  it('volumes: unique names, one source, mounts must refer to them', () => {
    const r = create(
      pod({
        containers: [{ ...nginx, volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
        volumes: [
          { name: 'cache', emptyDir: {} },
          { name: 'cache', emptyDir: {} },
          { name: 'both', emptyDir: {}, configMap: { name: 'x' } },
        ],
      }),
    );
    expect(r.messages).toEqual([
      'spec.volumes[1].name: Duplicate value: "cache"',
      'spec.volumes[2].configMap: Forbidden: may not specify more than 1 volume type',
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ]);
  });

  it('labels with a bad value', () => {
    const r = create({ ...pod({ containers: [nginx] }), metadata: { name: 'web', labels: { app: 'bad value' } } });
    expect(r.messages).toEqual([
      "metadata.labels: Invalid value: \"bad value\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });

  it('tolerations', () => {
    const r = create(pod({ containers: [nginx], tolerations: [{ operator: 'Equal', value: 'x' }, { key: 'a', effect: 'Sometimes' }] }));
    expect(r.messages).toEqual([
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      'spec.tolerations[1].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });
});

describe('Pod defaults and preparation', () => {
  it('matches what a real API server returns for a minimal pod', () => {
    const r = create(pod({ containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] }), fakeContext([], 3));
    expect(r.errors).toEqual([]);
    const spec = r.obj.spec as Record<string, unknown>;
    const volumeName = (spec.volumes as { name: string }[])[0]!.name;
    expect(volumeName).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(r.obj.spec).toEqual({
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volumeName, readOnly: true }],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: volumeName,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
              { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
            ],
          },
        },
      ],
    });
    expect(r.obj.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('pull policy follows the tag', () => {
    const r = create(pod({ containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'nginx:latest' }, { name: 'c', image: 'registry:5000/app' }, { name: 'd', image: 'app@sha256:abc' }] }));
    const policies = (r.obj.spec as { containers: { imagePullPolicy: string }[] }).containers.map((c) => c.imagePullPolicy);
    expect(policies).toEqual(['Always', 'Always', 'Always', 'IfNotPresent']);
  });

  it('probe defaults and requests copied from limits give Guaranteed', () => {
    const r = create(pod({ containers: [{ ...nginx, livenessProbe: { httpGet: { port: 80 } }, resources: { limits: { cpu: '500m', memory: '128Mi' } } }] }));
    const c = (r.obj.spec as { containers: Record<string, unknown>[] }).containers[0]!;
    expect(c.livenessProbe).toEqual({ httpGet: { path: '/', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } });
    expect((r.obj.status as { qosClass: string }).qosClass).toBe('Guaranteed');
  });

  it('QoS Burstable when requests are below limits', () => {
    const r = create(pod({ containers: [{ ...nginx, resources: { requests: { cpu: '100m' }, limits: { cpu: '1', memory: '1Gi' } } }] }));
    expect((r.obj.status as { qosClass: string }).qosClass).toBe('Burstable');
  });

  it('a named service account that does not exist is refused', () => {
    const r = create(pod({ containers: [nginx], serviceAccountName: 'build-robot' }));
    expect(r.refusal).toBe('error looking up service account default/build-robot: serviceaccount "build-robot" not found');
  });

  it('automountServiceAccountToken: false adds no token volume', () => {
    const r = create(pod({ containers: [nginx], automountServiceAccountToken: false }));
    expect((r.obj.spec as Record<string, unknown>).volumes).toBeUndefined();
  });
});

describe('Pod updates', () => {
  const stored = create(pod({ containers: [nginx] })).obj;

  it('the image may change', () => {
    const next = structuredClone(stored);
    (next.spec as { containers: { image: string }[] }).containers[0]!.image = 'nginx:1.28';
    expect(update(next, stored).messages).toEqual([]);
  });

  it('anything else is forbidden with upstream wording', () => {
    const next = structuredClone(stored);
    (next.spec as { containers: Record<string, unknown>[] }).containers[0]!.ports = [{ containerPort: 8080 }];
    const [message] = update(next, stored).messages;
    expect(message!.split('\n')[0]).toBe(
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
  });

  it('adding a container is forbidden', () => {
    const next = structuredClone(stored);
    (next.spec as { containers: unknown[] }).containers.push({ name: 'side', image: 'busybox' });
    expect(update(next, stored).messages).toContain('spec.containers: Forbidden: pod updates may not add or remove containers');
  });

  it('status is kept from the stored pod', () => {
    const next = structuredClone(stored);
    next.status = { phase: 'Running' };
    expect(update(next, stored).obj.status).toEqual(stored.status);
  });
});

import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../machinery/types.ts';
import { create, update } from './test-kit.ts';

function deployment(spec: Record<string, unknown>, name = 'web'): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' }, spec };
}
const template = (labels: Record<string, string>) => ({ metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } });

describe('Deployment validation messages', () => {
  it('a selector that does not match the template labels', () => {
    const r = create(deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'y' }) }));
    expect(r.messages).toEqual(['spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`']);
  });

  it('a missing selector also fails the template match, as upstream reports both', () => {
    const r = create(deployment({ template: template({ app: 'web' }) }));
    expect(r.messages).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('an empty selector', () => {
    const r = create(deployment({ selector: {}, template: template({ app: 'web' }) }));
    expect(r.messages).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ]);
  });

  it('negative replicas', () => {
    const r = create(deployment({ replicas: -1, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) }));
    expect(r.messages).toEqual(['spec.replicas: Invalid value: -1: must be greater than or equal to 0']);
  });

  it('a template restartPolicy other than Always', () => {
    const t = template({ app: 'web' });
    (t.spec as Record<string, unknown>).restartPolicy = 'Never';
    const r = create(deployment({ selector: { matchLabels: { app: 'web' } }, template: t }));
    expect(r.messages).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']);
  });

  it('maxSurge and maxUnavailable both zero', () => {
    const r = create(
      deployment({
        selector: { matchLabels: { app: 'web' } },
        template: template({ app: 'web' }),
        strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } },
      }),
    );
    expect(r.messages).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ]);
  });

  it('rollingUpdate with Recreate', () => {
    const r = create(
      deployment({
        selector: { matchLabels: { app: 'web' } },
        template: template({ app: 'web' }),
        strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } },
      }),
    );
    expect(r.messages).toEqual(["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"]);
  });

  it('a bad percentage', () => {
    const r = create(
      deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }), strategy: { rollingUpdate: { maxSurge: '20Percent' } } }),
    );
    expect(r.messages).toEqual([
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"20Percent\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
  });

  it('the selector is immutable in apps/v1', () => {
    const stored = create(deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) })).obj;
    const next = structuredClone(stored);
    const spec = next.spec as Record<string, unknown>;
    spec.selector = { matchLabels: { app: 'web2' } };
    spec.template = template({ app: 'web2' });
    expect(update(next, stored).messages).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
});

describe('Deployment defaults', () => {
  it('matches what a real API server stores', () => {
    const r = create(deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) }));
    expect(r.errors).toEqual([]);
    expect(r.obj.spec).toEqual({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx:1.27',
              imagePullPolicy: 'IfNotPresent',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
    expect(r.obj.status).toEqual({});
  });

  it('a ReplicaSet defaults replicas and its status', () => {
    const r = create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs' },
      spec: { selector: { matchLabels: { tier: 'frontend' } }, template: template({ tier: 'nginx' }) },
    });
    expect(r.messages).toEqual(['spec.template.metadata.labels: Invalid value: map[string]string{"tier":"nginx"}: `selector` does not match template `labels`']);
    expect((r.obj.spec as { replicas: number }).replicas).toBe(1);
    expect(r.obj.status).toEqual({ replicas: 0 });
  });
});

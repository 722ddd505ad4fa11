// Every overlay renders with `kubectl kustomize` and every object in it validates against the
// upstream Kubernetes OpenAPI v3 schemas; plus the course's own rules for Bookstore workloads.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { sharedReference } from '../../tests/shared-reference.ts';
import { bookstoreImages, dependencyImages } from '../images.ts';
import { SchemaValidator, type OpenApiDocument } from './schema-validator.ts';

const overlaysDir = path.join(import.meta.dirname, 'overlays');
const overlays = readdirSync(overlaysDir).filter((d) => existsSync(path.join(overlaysDir, d, 'kustomization.yaml')));
const { path: openapiDir, present: hasSchemas } = sharedReference('openapi-v3');

const hasKubectl = spawnSync('sh', ['-c', 'command -v kubectl']).status === 0;
if (!hasKubectl && process.env.CI) throw new Error('CI needs kubectl (with kustomize) on PATH');
if (!hasKubectl) console.warn('manifest tests skipped: kubectl not found on PATH');

type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; spec?: Record<string, unknown> };

function render(overlay: string): K8sObject[] {
  const result = spawnSync('kubectl', ['kustomize', path.join(overlaysDir, overlay)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`kubectl kustomize ${overlay} failed: ${result.stderr}`);
  return parseAllDocuments(result.stdout).map((d) => d.toJS() as K8sObject).filter(Boolean);
}

function loadValidator(): SchemaValidator {
  const files = ['api/v1.json', 'apis/apps/v1.json', 'apis/autoscaling/v2.json'];
  return new SchemaValidator(files.map((f) => JSON.parse(readFileSync(path.join(openapiDir, f), 'utf8')) as OpenApiDocument));
}

type PodSpec = { containers: { name: string; image: string; securityContext?: Record<string, unknown>; readinessProbe?: unknown; livenessProbe?: unknown }[]; securityContext?: { runAsNonRoot?: boolean } };

function podSpecOf(object: K8sObject): PodSpec | undefined {
  if (object.kind === 'Pod') return object.spec as unknown as PodSpec;
  const template = (object.spec as { template?: { spec?: PodSpec } } | undefined)?.template;
  return template?.spec;
}

// The schemas are large: read and index them once for both suites below.
const validator = hasSchemas ? loadValidator() : undefined;

const knownImages = new Set<string>([...bookstoreImages.filter((i) => i.built).map((i) => i.image), ...dependencyImages]);

describe.skipIf(!hasKubectl)('kustomize overlays', () => {

  it('there is an overlay per chapter stage', () => {
    expect(overlays).toEqual(expect.arrayContaining(['04-first-pod', '05-replicas', '06-rollout', '07-services', '10-probes', '12-postgres', '13-workers', '14-gateway', '15-capstone']));
  });

  describe.each(overlays)('%s', (overlay) => {
    const objects = render(overlay);

    it('renders into the bookstore namespace', () => {
      expect(objects.length).toBeGreaterThan(0);
      for (const o of objects) if (o.kind !== 'Namespace') expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe('bookstore');
    });

    it.skipIf(!hasSchemas)('validates against the Kubernetes schemas', () => {
      const problems: string[] = [];
      for (const o of objects) {
        if (validator!.knows(o.apiVersion, o.kind)) {
          problems.push(...validator!.validateObject(o));
        } else if (o.apiVersion === 'batch/v1' && o.kind === 'Job') {
          // batch/v1 is not among the reference documents: check its pod template with core/v1's schema.
          const { template, ...rest } = o.spec as { template: unknown };
          problems.push(...validator!.validateAs(template, 'io.k8s.api.core.v1.PodTemplateSpec', 'Job.spec.template'));
          for (const key of Object.keys(rest)) if (!['backoffLimit', 'ttlSecondsAfterFinished', 'activeDeadlineSeconds', 'completions', 'parallelism'].includes(key)) problems.push(`Job.spec: unknown field "${key}"`);
        } else if (o.apiVersion === 'gateway.networking.k8s.io/v1' && (o.kind === 'Gateway' || o.kind === 'HTTPRoute')) {
          problems.push(...checkGatewayApi(o, objects));
        } else {
          problems.push(`${o.apiVersion} ${o.kind}: not a kind the course uses`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('runs only images from the image table or the pinned dependencies, never as root', () => {
      for (const o of objects) {
        const pod = podSpecOf(o);
        if (!pod) continue;
        for (const c of pod.containers) {
          expect(knownImages.has(c.image), `${o.kind}/${o.metadata.name}: ${c.image}`).toBe(true);
          if (c.image.startsWith('bookstore/') && o.kind !== 'Pod' && o.kind !== 'ReplicaSet') {
            expect(pod.securityContext?.runAsNonRoot, `${o.kind}/${o.metadata.name}`).toBe(true);
            expect(c.securityContext?.allowPrivilegeEscalation).toBe(false);
          }
        }
      }
    });

    it('every Service selects the pods of some workload in the overlay', () => {
      const podLabels = objects.flatMap((o) => {
        if (o.kind === 'Pod') return [(o.metadata as { labels?: Record<string, string> }).labels ?? {}];
        const t = (o.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)?.template;
        return t?.metadata?.labels ? [t.metadata.labels] : [];
      });
      for (const s of objects.filter((o) => o.kind === 'Service')) {
        const selector = (s.spec as { selector: Record<string, string> }).selector;
        expect(podLabels.some((labels) => Object.entries(selector).every(([k, v]) => labels[k] === v)), `Service ${s.metadata.name}`).toBe(true);
      }
    });
  });

  it('the probes component gives the Bookstore services liveness and readiness probes', () => {
    for (const d of render('15-capstone').filter((o) => o.kind === 'Deployment' && o.metadata.name !== 'redis')) {
      const c = podSpecOf(d)!.containers[0]!;
      expect(c.readinessProbe, d.metadata.name).toMatchObject({ httpGet: { path: '/readyz' } });
      expect(c.livenessProbe, d.metadata.name).toMatchObject({ httpGet: { path: '/healthz' } });
    }
    expect(podSpecOf(render('06-rollout').find((o) => o.kind === 'Deployment' && o.metadata.name === 'catalog')!)!.containers[0]!.readinessProbe).toBeUndefined();
  });
});

describe.skipIf(!hasSchemas)('the schema validator', () => {
  const deployment = () => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'x' },
    spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'x', image: 'x:1', ports: [{ containerPort: 8080 }] }] } } },
  });

  it('accepts a good Deployment', () => {
    expect(validator!.validateObject(deployment())).toEqual([]);
  });

  it('rejects a wrong type, an unknown field and a missing required field', () => {
    const bad = deployment();
    (bad.spec.template.spec.containers[0]!.ports[0] as { containerPort: unknown }).containerPort = 'eighty';
    (bad.spec as Record<string, unknown>).replica = 3;
    delete (bad.spec as Partial<typeof bad.spec>).selector;
    const problems = validator!.validateObject(bad);
    expect(problems).toContain('Deployment.spec.template.spec.containers[0].ports[0].containerPort: must be an integer, got "eighty"');
    expect(problems).toContain('Deployment.spec: unknown field "replica"');
    expect(problems).toContain('Deployment.spec: missing required field "selector"');
  });
});

/** The Gateway API kinds have no reference schema here: check the fields the course relies on. */
function checkGatewayApi(o: K8sObject, all: K8sObject[]): string[] {
  const problems: string[] = [];
  const spec = (o.spec ?? {}) as Record<string, unknown>;
  if (o.kind === 'Gateway') {
    if (typeof spec.gatewayClassName !== 'string') problems.push(`Gateway ${o.metadata.name}: spec.gatewayClassName missing`);
    const listeners = spec.listeners as { name?: string; port?: number; protocol?: string }[] | undefined;
    if (!listeners?.length) problems.push(`Gateway ${o.metadata.name}: no listeners`);
    for (const l of listeners ?? []) if (!l.name || !Number.isInteger(l.port) || !l.protocol) problems.push(`Gateway ${o.metadata.name}: listener needs name, port, protocol`);
  } else {
    const parents = (spec.parentRefs as { name: string }[] | undefined) ?? [];
    for (const p of parents) if (!all.some((g) => g.kind === 'Gateway' && g.metadata.name === p.name)) problems.push(`HTTPRoute ${o.metadata.name}: no Gateway ${p.name}`);
    for (const rule of (spec.rules as { backendRefs?: { name: string; port: number }[] }[] | undefined) ?? []) {
      for (const ref of rule.backendRefs ?? []) {
        const service = all.find((s) => s.kind === 'Service' && s.metadata.name === ref.name);
        const ports = (service?.spec as { ports?: { port: number }[] } | undefined)?.ports ?? [];
        if (!ports.some((p) => p.port === ref.port)) problems.push(`HTTPRoute ${o.metadata.name}: no Service ${ref.name} with port ${ref.port}`);
      }
    }
  }
  return problems;
}

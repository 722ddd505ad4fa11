// kubectl explain in kubectl 1.32's plaintext layout, over the simulator's OpenAPI definitions.
import { describe, expect, it } from 'vitest';
import { explainField } from '../openapi/index.ts';
import { wrap } from './explain.ts';
import { setupKubectl } from './test-kit.ts';

const k = setupKubectl();
/** The definitions' own words, so these tests pin the layout rather than the prose. */
const described = (kind: string, path: string, apiVersion: string) => explainField(kind, path, { apiVersion }).description;

describe('kubectl explain', () => {
  it('a scalar field: GROUP/KIND/VERSION, FIELD with its type, DESCRIPTION wrapped and indented', async () => {
    const r = await k.run('kubectl explain deploy.spec.replicas');
    expect(r).toEqual({
      status: 0,
      err: '',
      out: `GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n${wrap(`${described('Deployment', 'spec.replicas', 'apps/v1')}\n`, 76).replace(/^|\n/g, (m) => `${m}    `)}\n\n`,
    });
  });

  it('an enum field lists its values under ENUM:', async () => {
    const out = (await k.run('kubectl explain svc.spec.type')).out;
    expect(out.startsWith('KIND:       Service\nVERSION:    v1\n\nFIELD: type <string>\nENUM:\n    ClusterIP\n    ExternalName\n    LoadBalancer\n    NodePort\n\nDESCRIPTION:\n    ')).toBe(true);
  });

  it('a kind: no GROUP for core, FIELDS with tab, <type>, -required- and descriptions', async () => {
    const out = (await k.run('kubectl explain pods')).out;
    expect(out.startsWith('KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n    ')).toBe(true);
    expect(out).toContain('\n    \nFIELDS:\n  apiVersion\t<string>\n    ');
    expect(out).toContain('\n\n  spec\t<PodSpec>\n    ');
    expect(out.endsWith('\n\n\n')).toBe(true);
    const containers = (await k.run('kubectl explain pods.spec.containers')).out;
    expect(containers).toContain('FIELD: containers <[]Container>\n\n\nDESCRIPTION:\n');
    expect(containers).toContain('\n  name\t<string> -required-\n    ');
    expect(containers).toContain('\n  env\t<[]EnvVar>\n    ');
    const policy = (await k.run('kubectl explain pods.spec.containers.imagePullPolicy')).out;
    expect(policy).toContain('FIELD: imagePullPolicy <string>\nENUM:\n    Always\n');
  });

  it('--recursive lists names and types, indented two more per level, without descriptions', async () => {
    const out = (await k.run('kubectl explain deployments --recursive')).out;
    expect(out).toContain('FIELDS:\n  apiVersion\t<string>\n  kind\t<string>\n  metadata\t<ObjectMeta>\n    annotations\t<map[string]string>\n');
    expect(out).toContain('\n  spec\t<DeploymentSpec>\n    minReadySeconds\t<integer>\n');
    expect(out).toMatch(/\n {6}spec\t<PodSpec>\n {8}activeDeadlineSeconds\t<integer>\n/);
    expect((await k.run('kubectl explain deployments.apps.spec.replicas --api-version=apps/v1')).out.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n')).toBe(true);
  });

  it('errors as kubectl words them', async () => {
    expect(await k.run('kubectl explain')).toEqual({
      status: 1,
      out: '',
      err: 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nSee \'kubectl explain -h\' for help and examples\n',
    });
    expect((await k.run('kubectl explain pods.spec.nope')).err).toBe('error: field "nope" does not exist\n');
    expect((await k.run('kubectl explain frobs')).err).toBe('error: the server doesn\'t have a resource type "frobs"\n');
    expect((await k.run('kubectl explain pods svc')).err).toBe("error: We accept only this format: explain RESOURCE\n\nSee 'kubectl explain -h' for help and examples\n");
  });

  it("wraps like sprig's wrap: at spaces, long words whole", () => {
    expect(wrap('aaa bbb ccc ddd', 7)).toBe('aaa bbb\nccc ddd');
    expect(wrap('see https://example.com/a/very/long/path here', 10)).toBe('see\nhttps://example.com/a/very/long/path\nhere');
  });
});

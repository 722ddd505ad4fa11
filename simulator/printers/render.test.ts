// Golden tests: the output real kubectl 1.32 printed in the captured session (kubectl-requests.log),
// reproduced from Tables our printers build for the same objects.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../machinery/types.ts';
import { buildTable, renderGet, type GetSection } from './index.ts';
import { busyPod, nginxPod, NOW, webDeployment } from './test-fixtures.ts';

const pods = (): KubeObject[] => [nginxPod(), busyPod()];

function podSection(objects: KubeObject[] = pods()): GetSection {
  return { table: buildTable({ kind: 'Pod' }, objects, { now: NOW, resourceVersion: '1002' }), kind: 'Pod', namespaced: true };
}

function deploySection(objects: KubeObject[] = [webDeployment()]): GetSection {
  return {
    table: buildTable({ group: 'apps', kind: 'Deployment' }, objects, { now: NOW, resourceVersion: '1007' }),
    group: 'apps',
    kind: 'Deployment',
    namespaced: true,
  };
}

describe('kubectl get, as captured from real kubectl 1.32', () => {
  it('get pods', () => {
    expect(renderGet([podSection()], { namespace: 'default' }).stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\n' +
        'nginx   1/1     Running   0          5s\n' +
        'busy    1/1     Running   0          5s\n',
    );
  });

  it('get pods -o wide', () => {
    expect(renderGet([podSection()], { wide: true }).stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n' +
        'nginx   1/1     Running   0          5s    10.244.0.0   node-1   <none>           <none>\n' +
        'busy    1/1     Running   0          5s    10.244.0.1   node-1   <none>           <none>\n',
    );
  });

  it('get pods --show-labels', () => {
    expect(renderGet([podSection()], { showLabels: true }).stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE   LABELS\n' +
        'nginx   1/1     Running   0          5s    app=nginx,tier=web\n' +
        'busy    1/1     Running   0          5s    run=busy\n',
    );
  });

  it('get pods -A', () => {
    expect(renderGet([podSection()], { allNamespaces: true }).stdout).toBe(
      'NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE\n' +
        'default     nginx   1/1     Running   0          5s\n' +
        'default     busy    1/1     Running   0          5s\n',
    );
  });

  it('get pods -L run (a missing label is an empty cell)', () => {
    expect(renderGet([podSection([busyPod()])], { labelColumns: ['run'] }).stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE   RUN\n' + 'busy   1/1     Running   0          5s    busy\n',
    );
    expect(renderGet([podSection()], { labelColumns: ['run'] }).stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE   RUN\n' +
        'nginx   1/1     Running   0          5s    \n' +
        'busy    1/1     Running   0          5s    busy\n',
    );
  });

  it('get pods,deploy with no deployments: kind prefixes, no blank line for the empty kind', () => {
    expect(renderGet([podSection(), deploySection([])]).stdout).toBe(
      'NAME        READY   STATUS    RESTARTS   AGE\n' +
        'pod/nginx   1/1     Running   0          5s\n' +
        'pod/busy    1/1     Running   0          5s\n',
    );
  });

  it('get deploy and get deploy -o wide', () => {
    expect(renderGet([deploySection()]).stdout).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n' + 'web    2/2     2            2           13m\n',
    );
    expect(renderGet([deploySection()], { wide: true }).stdout).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR\n' +
        'web    2/2     2            2           13m   nginx        nginx:1.26   app=web\n',
    );
  });

  it('several kinds: a blank line between them', () => {
    const out = renderGet([podSection([busyPod()]), deploySection()]).stdout;
    expect(out).toBe(
      'NAME       READY   STATUS    RESTARTS   AGE\n' +
        'pod/busy   1/1     Running   0          5s\n' +
        '\n' +
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'deployment.apps/web   2/2     2            2           13m\n',
    );
  });

  it('--no-headers drops headers and the blank line between kinds', () => {
    expect(renderGet([podSection([busyPod()]), deploySection()], { noHeaders: true }).stdout).toBe(
      'pod/busy   1/1   Running   0     5s\n' + 'deployment.apps/web   2/2   2     2     13m\n',
    );
  });

  it('empty results: the messages go to stderr', () => {
    expect(renderGet([podSection([])], { namespace: 'default' })).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
    });
    expect(renderGet([podSection([])], { allNamespaces: true, namespace: 'default' }).stderr).toBe('No resources found\n');
    const nodes: GetSection = { table: buildTable({ kind: 'Node' }, [], { now: NOW }), kind: 'Node', namespaced: false };
    expect(renderGet([nodes], { namespace: 'default' }).stderr).toBe('No resources found\n');
    expect(renderGet([podSection([]), deploySection([])], { namespace: 'nosuchns' }).stderr).toBe(
      'No resources found in nosuchns namespace.\n',
    );
  });

  it('-A on a cluster-scoped kind prints no NAMESPACE column', () => {
    const node: KubeObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-1', creationTimestamp: '2026-11-21T20:00:00Z' },
      status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.32.0' } },
    };
    const section: GetSection = { table: buildTable({ kind: 'Node' }, [node], { now: NOW }), kind: 'Node', namespaced: false };
    expect(renderGet([section], { allNamespaces: true }).stdout).toBe(
      'NAME     STATUS   ROLES    AGE   VERSION\n' + 'node-1   Ready    <none>   71m   v1.32.0\n',
    );
  });
});

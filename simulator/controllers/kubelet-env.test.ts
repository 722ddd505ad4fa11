// Service links as the kubelet sets them when a container starts (pkg/kubelet/envvars): the
// image's own process sees them (a script echoing $WEB_SERVICE_HOST), not only `kubectl exec`.
import { describe, expect, it } from 'vitest';
import { workloadBed } from '../kubectl/workload-test-kit.ts';
import { serviceLinkEnv } from './kubelet-env.ts';

const service = `apiVersion: v1
kind: Service
metadata: {name: web-front}
spec:
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: 8080}
  - {name: dns, port: 53, protocol: UDP}
`;

const echoPod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
${extra}  containers:
  - name: c
    image: busybox
    command: ['sh', '-c', 'echo "host=$WEB_FRONT_SERVICE_HOST port=$WEB_FRONT_SERVICE_PORT http=$WEB_FRONT_SERVICE_PORT_HTTP k8s=$KUBERNETES_SERVICE_HOST"; sleep 3600']
`;

async function started(bed: ReturnType<typeof workloadBed>, name: string, namespace = 'default') {
  expect((await bed.run(`kubectl wait -n ${namespace} --for=condition=Ready pod/${name} --timeout=60s`)).out).toContain('condition met');
  await bed.advance(1_000);
  return (await bed.run(`kubectl logs -n ${namespace} ${name}`)).out;
}

describe('service links in the container environment', () => {
  it("upstream's variable set for a Service, first port special-cased", () => {
    const env = serviceLinkEnv({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-front' }, spec: { clusterIP: '10.96.0.50', ports: [{ name: 'http', port: 80 }, { name: 'dns', port: 53, protocol: 'UDP' }] } });
    expect(env).toEqual({
      WEB_FRONT_SERVICE_HOST: '10.96.0.50',
      WEB_FRONT_SERVICE_PORT: '80',
      WEB_FRONT_SERVICE_PORT_HTTP: '80',
      WEB_FRONT_SERVICE_PORT_DNS: '53',
      WEB_FRONT_PORT: 'tcp://10.96.0.50:80',
      WEB_FRONT_PORT_80_TCP: 'tcp://10.96.0.50:80',
      WEB_FRONT_PORT_80_TCP_PROTO: 'tcp',
      WEB_FRONT_PORT_80_TCP_PORT: '80',
      WEB_FRONT_PORT_80_TCP_ADDR: '10.96.0.50',
      WEB_FRONT_PORT_53_UDP: 'udp://10.96.0.50:53',
      WEB_FRONT_PORT_53_UDP_PROTO: 'udp',
      WEB_FRONT_PORT_53_UDP_PORT: '53',
      WEB_FRONT_PORT_53_UDP_ADDR: '10.96.0.50',
    });
    expect(serviceLinkEnv({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'headless' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } })).toEqual({});
  });

  it("the container's own process sees the links of Services that existed when it started", async () => {
    const bed = workloadBed({ files: { 'svc.yaml': service, 'pod.yaml': echoPod('reader') } });
    await bed.run('kubectl apply -f svc.yaml');
    await bed.run('kubectl apply -f pod.yaml');
    const ip = (await bed.run("kubectl get svc web-front -o jsonpath='{.spec.clusterIP}'")).out;
    const k8s = (await bed.run("kubectl get svc kubernetes -o jsonpath='{.spec.clusterIP}'")).out;
    expect(await started(bed, 'reader')).toBe(`host=${ip} port=80 http=80 k8s=${k8s}\n`);
    expect((await bed.run('kubectl exec reader -- printenv WEB_FRONT_PORT_53_UDP')).out).toBe(`udp://${ip}:53\n`);
  });

  it('leaves out Services created later, and honours enableServiceLinks: false', async () => {
    const bed = workloadBed({ files: { 'svc.yaml': service, 'early.yaml': echoPod('early'), 'off.yaml': echoPod('nolinks', '  enableServiceLinks: false\n') } });
    await bed.run('kubectl apply -f early.yaml');
    await started(bed, 'early');
    await bed.run('kubectl apply -f svc.yaml');
    expect((await bed.run('kubectl exec early -- printenv WEB_FRONT_SERVICE_HOST')).status).toBe(1);
    expect(await bed.run('kubectl apply -f off.yaml')).toMatchObject({ err: '' });
    expect(await started(bed, 'nolinks')).toMatch(/^host= port= http= k8s=10\.96\.0\.1\n$/);
  });

  it("gets the kubernetes Service's links in every namespace, but not other namespaces' Services", async () => {
    const bed = workloadBed({ files: { 'svc.yaml': service, 'pod.yaml': echoPod('elsewhere') } });
    await bed.run('kubectl apply -f svc.yaml');
    await bed.run('kubectl create namespace shop');
    await bed.run('kubectl apply -n shop -f pod.yaml');
    expect(await started(bed, 'elsewhere', 'shop')).toBe('host= port= http= k8s=10.96.0.1\n');
  });

  it("the container's own env wins over a link, and $(VAR) can refer to a link", async () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: own}
spec:
  containers:
  - name: c
    image: busybox
    command: ['sleep', '3600']
    env:
    - {name: WEB_FRONT_SERVICE_HOST, value: mine}
    - {name: URL, value: 'http://$(WEB_FRONT_PORT_80_TCP_ADDR):$(WEB_FRONT_SERVICE_PORT)'}
`;
    const bed = workloadBed({ files: { 'svc.yaml': service, 'pod.yaml': pod } });
    await bed.run('kubectl apply -f svc.yaml');
    await bed.run('kubectl apply -f pod.yaml');
    await started(bed, 'own');
    const ip = (await bed.run("kubectl get svc web-front -o jsonpath='{.spec.clusterIP}'")).out;
    expect((await bed.run('kubectl exec own -- printenv WEB_FRONT_SERVICE_HOST URL')).out).toBe(`mine\nhttp://${ip}:80\n`);
  });
});

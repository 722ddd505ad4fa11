// The contract's target for the simulator: each service is the behaviour model the simulated
// container runtime runs (simulator/workloads/images/bookstore.ts), driven on a virtual clock the
// way the runtime drives it: ports open or not, HTTP answers with their delay, exits, SIGTERM.
// Requests go straight to the container's model (as pod-backends.ts does), not through a Service.
import type { ContainerProcess } from '../../simulator/workloads/container-model.ts';
import { bookstoreProcess } from '../../simulator/workloads/images/bookstore.ts';
import type { ContractReply, ContractService, ContractTarget, ServiceUnderTest } from './contract-target.ts';

/** Checks the models cannot pass, and why. Everything else in the contract runs against them. */
export const simulatorLimitations: Record<string, string> = {
  'on SIGTERM: readiness fails at once, requests are still served, then exit 0':
    'the runtime does not tell a model when SIGTERM arrives, so /readyz stays 200 during the shutdown delay (the pod leaves its endpoints at that moment anyway); exit 0 after SHUTDOWN_DELAY_SECONDS is covered by bookstore-models.test.ts',
};

const startEpoch = Date.UTC(2025, 0, 1);

export function simulatorTarget(): ContractTarget {
  // The virtual clock. Tests run side by side as with real time: each sleep is a wake-up at
  // now+ms, and the clock jumps to the earliest pending wake-up, one at a time (discrete events).
  let now = 0;
  const sleepers: { wake: number; resolve: () => void }[] = [];
  const drain = () => {
    sleepers.sort((a, b) => a.wake - b.wake);
    const next = sleepers.shift();
    if (!next) return;
    now = Math.max(now, next.wake);
    next.resolve();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      sleepers.push({ wake: now + ms, resolve });
      setTimeout(drain, 0);
    });
  let podCount = 0;
  const defaults: Record<ContractService, Record<string, string>> = {
    catalog: { DATABASE_URL: 'postgres://bookstore:bookstore@postgres:5432/bookstore', REDIS_URL: 'redis://redis:6379' },
    orders: { DATABASE_URL: 'postgres://bookstore:bookstore@postgres:5432/bookstore', AMQP_URL: 'amqp://guest:guest@rabbitmq:5672', CATALOG_URL: 'http://catalog' },
    'payments-worker': { DATABASE_URL: 'postgres://bookstore:bookstore@postgres:5432/bookstore', AMQP_URL: 'amqp://guest:guest@rabbitmq:5672' },
  };
  return {
    unreachable: {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/bookstore',
      REDIS_URL: 'redis://127.0.0.1:1',
      AMQP_URL: 'amqp://guest:guest@127.0.0.1:1',
    },
    limitations: simulatorLimitations,
    sleep,
    async start(service, env = {}) {
      const merged = Object.fromEntries(Object.entries({ ...defaults[service], ...env }).filter(([, v]) => v !== ''));
      podCount += 1;
      const podName = `${service}-7d9c5b-${String(podCount).padStart(5, 'x')}`;
      const startedAt = now;
      const p: ContainerProcess = bookstoreProcess(service, '1.0', {
        image: `docker.io/bookstore/${service}:1.0`,
        imageTag: '1.0',
        env: { POD_NAME: podName, POD_NAMESPACE: 'bookstore', ...merged },
        ports: [8080],
        podName,
        namespace: 'bookstore',
        hostname: podName,
        podIP: `10.244.1.${podCount}`,
        startedAt: startEpoch + startedAt,
      });
      let sigtermAt: number | undefined;
      let killedAt: number | undefined;
      const exit = (): { at: number; code: number } | undefined => {
        const candidates: { at: number; code: number }[] = [];
        if (p.exit) candidates.push({ at: startedAt + p.exit.afterMs, code: p.exit.exitCode });
        if (sigtermAt !== undefined && p.onSigterm !== 'ignore') candidates.push({ at: sigtermAt + p.onSigterm.afterMs, code: p.onSigterm.exitCode });
        if (killedAt !== undefined) candidates.push({ at: killedAt, code: 137 });
        return candidates.sort((a, b) => a.at - b.at)[0];
      };
      const running = () => {
        const e = exit();
        return e === undefined || e.at > now;
      };
      const handle: ServiceUnderTest = {
        async request(path, options = {}): Promise<ContractReply> {
          const timeoutMs = options.timeoutMs ?? 3000;
          if (!running() || !p.listens(8080, now - startedAt)) return { error: 'refused' };
          const res = p.http?.({ method: options.method ?? 'GET', path, port: 8080, headers: {} }, now - startedAt);
          if (!res) return { error: 'refused' };
          const delay = res.delayMs ?? 1;
          if (delay > timeoutMs) {
            await sleep(timeoutMs);
            return { error: 'timeout' };
          }
          await sleep(delay);
          return { status: res.status, headers: Object.fromEntries(Object.entries(res.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])), body: res.body };
        },
        terminate: () => {
          sigtermAt ??= now;
        },
        exitCode: () => (running() ? undefined : exit()!.code),
        stop: async () => {
          if (running()) killedAt = now;
        },
      };
      return handle;
    },
  };
}

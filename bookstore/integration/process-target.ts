// The contract's target for real processes: each service runs as `node …/main.ts` against the
// real Postgres, Redis and RabbitMQ of the integration stack.
import type { ContractReply, ContractService, ContractTarget, RequestOptions, ServiceUnderTest } from '../contract/contract-target.ts';
import { ServiceProcess } from '../testing/service-process.ts';

export interface StackUrls {
  databaseUrl: string;
  redisUrl: string;
  amqpUrl: string;
  catalogUrl: string;
}

export async function httpRequest(baseUrl: string, path: string, options: RequestOptions = {}): Promise<ContractReply> {
  try {
    const response = await fetch(baseUrl + path, {
      method: options.method ?? 'GET',
      headers: options.body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
    });
    return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { error: 'timeout' };
    return { error: 'refused' };
  }
}

export function processTarget(urls: StackUrls): ContractTarget {
  const defaults: Record<ContractService, Record<string, string>> = {
    catalog: { DATABASE_URL: urls.databaseUrl, REDIS_URL: urls.redisUrl },
    orders: { DATABASE_URL: urls.databaseUrl, AMQP_URL: urls.amqpUrl, CATALOG_URL: urls.catalogUrl, OUTBOX_INTERVAL_MS: '100' },
    'payments-worker': { DATABASE_URL: urls.databaseUrl, AMQP_URL: urls.amqpUrl, PAYMENT_DELAY_MS: '0' },
  };
  return {
    unreachable: {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/bookstore',
      REDIS_URL: 'redis://127.0.0.1:1',
      AMQP_URL: 'amqp://guest:guest@127.0.0.1:1',
    },
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    async start(service, env = {}) {
      const merged = Object.fromEntries(Object.entries({ ...defaults[service], ...env }).filter(([, v]) => v !== ''));
      const proc = await ServiceProcess.start(service, merged, { waitForListen: false });
      let terminated = false;
      const handle: ServiceUnderTest = {
        request: (path, options) => httpRequest(proc.url, path, options),
        terminate: () => {
          terminated = true;
          proc.signal('SIGTERM');
        },
        exitCode: () => (proc.running ? undefined : (proc.exitCode ?? 128)),
        // Already sent SIGTERM and still here (a deadlock): the kubelet's next step is SIGKILL.
        stop: () => (terminated && proc.running ? proc.kill() : proc.stop()),
      };
      return handle;
    },
  };
}

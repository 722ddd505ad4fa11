// Startup, readiness and liveness probes, as the kubelet's prober workers run them: each probe
// ticks every periodSeconds from when the kubelet took the pod on, skips ticks inside
// initialDelaySeconds, and flips its result only after successThreshold / failureThreshold
// consecutive outcomes. The outcome of one probe comes from the image's behaviour model.
import type { ContainerRuntime, ContainerRecord } from '../workloads/container-runtime.ts';
import type { Container, Probe } from './pod-types.ts';

export type ProbeKind = 'startup' | 'readiness' | 'liveness';

export interface ProbeTrack {
  /** The current result: readiness starts false, liveness true, startup false until it passes. */
  ok: boolean;
  successes: number;
  failures: number;
  /** The last tick processed (epoch ms). */
  lastTick?: number;
  /** Set after liveness/startup failed: no more probing until a new container runs. */
  onHold?: boolean;
}

export const probeLabel: Record<ProbeKind, string> = { startup: 'Startup', readiness: 'Readiness', liveness: 'Liveness' };

export function probeDefaults(p: Probe): Required<Pick<Probe, 'initialDelaySeconds' | 'periodSeconds' | 'timeoutSeconds' | 'successThreshold' | 'failureThreshold'>> {
  return {
    initialDelaySeconds: p.initialDelaySeconds ?? 0,
    periodSeconds: p.periodSeconds ?? 10,
    timeoutSeconds: p.timeoutSeconds ?? 1,
    successThreshold: p.successThreshold ?? 1,
    failureThreshold: p.failureThreshold ?? 3,
  };
}

export function initialProbeTrack(kind: ProbeKind): ProbeTrack {
  return { ok: kind === 'liveness', successes: 0, failures: 0 };
}

function resolvePort(port: number | string, container: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** Runs one probe against a container at time `at`: success, or the kubelet's failure text. */
export function runProbe(probe: Probe, container: Container, record: ContainerRecord, runtime: ContainerRuntime, podIP: string, at: number): { ok: boolean; output: string } {
  const timeoutMs = probeDefaults(probe).timeoutSeconds * 1000;
  if (probe.httpGet) {
    const port = resolvePort(probe.httpGet.port, container);
    const host = probe.httpGet.host ?? podIP;
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const path = probe.httpGet.path ?? '/';
    const url = `${scheme}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`;
    if (port === undefined) return { ok: false, output: `unable to find port "${probe.httpGet.port}"` };
    const headers: Record<string, string> = { 'user-agent': 'kube-probe/1.32', accept: '*/*' };
    for (const h of probe.httpGet.httpHeaders ?? []) headers[h.name.toLowerCase()] = h.value;
    const res = runtime.http(record, { method: 'GET', path, port, headers }, at, false);
    if (res === 'refused') return { ok: false, output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    if (res === 'reset') return { ok: false, output: `Get "${url}": read tcp ${host}:${port}: read: connection reset by peer` };
    if ((res.delayMs ?? 0) > timeoutMs) return { ok: false, output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` };
    if (res.status >= 200 && res.status < 400) return { ok: true, output: '' };
    return { ok: false, output: `HTTP probe failed with statuscode: ${res.status}` };
  }
  if (probe.tcpSocket || probe.grpc) {
    const port = probe.tcpSocket ? resolvePort(probe.tcpSocket.port, container) : probe.grpc!.port;
    const host = probe.tcpSocket?.host ?? podIP;
    if (port !== undefined && runtime.listens(record, port, at)) return { ok: true, output: '' };
    return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (probe.exec) {
    const r = runtime.exec(record, probe.exec.command ?? [], at);
    return r.exitCode === 0 ? { ok: true, output: '' } : { ok: false, output: r.output.replace(/\n$/, '') };
  }
  return { ok: true, output: '' };
}

/** The tick times in (after, upTo] for a probe whose ticks started at epoch. */
export function probeTicks(epoch: number, periodMs: number, after: number | undefined, upTo: number): number[] {
  const first = after === undefined ? epoch : after + periodMs;
  const start = first < epoch ? epoch : epoch + Math.ceil((first - epoch) / periodMs) * periodMs;
  const ticks: number[] = [];
  for (let t = start; t <= upTo && ticks.length < 10_000; t += periodMs) ticks.push(t);
  return ticks;
}

/** Applies one outcome to a track; returns whether the result flipped. */
export function recordOutcome(track: ProbeTrack, ok: boolean, probe: Probe): boolean {
  const d = probeDefaults(probe);
  if (ok) {
    track.successes++;
    track.failures = 0;
    if (!track.ok && track.successes >= d.successThreshold) {
      track.ok = true;
      return true;
    }
  } else {
    track.failures++;
    track.successes = 0;
    if (track.ok && track.failures >= d.failureThreshold) {
      track.ok = false;
      return true;
    }
    // Startup and readiness start "not ok": a failure threshold still counts for startup kills.
    if (!track.ok && track.failures === d.failureThreshold) return true;
  }
  return false;
}

// The container runtime on every simulated node — what containerd knows, below the kubelet:
// which images a node holds, the pod sandboxes with their IPs, and the containers with their
// start and exit times. Whether a process has exited is worked out from its image's behaviour model
// and the virtual time, so nothing here needs timers. Everything is plain JSON for snapshots.
import type { Random } from '../machinery/types.ts';
import type { ContainerInput, ContainerProcess, ExecResult, HttpRequest, HttpResponse, LogLine } from './container-model.ts';
import type { ImageRegistry } from './image-registry.ts';
import { parseImageReference } from './image-reference.ts';

export interface NodeMachine {
  name: string;
  /** False while the node is stopped (`docker stop` on a kind node): no kubelet, no containers. */
  running: boolean;
  /** Images pulled onto this node: normalised reference → imageID. Preloaded images count too. */
  images: Record<string, string>;
  /** Third octet of 10.244.<n>.0/24 (kind gives each node its own /24). */
  subnet: number;
  /** host-local IPAM hands out addresses in order and wraps; .1 is the gateway. */
  nextHost: number;
  internalIP: string;
}

export interface SandboxRecord {
  id: string;
  podUID: string;
  nodeName: string;
  ip: string;
  createdAt: number;
  /** Set when the sandbox died (node stopped) or was removed. */
  stoppedAt?: number;
}

export interface ContainerRecord {
  id: string;
  podUID: string;
  sandboxId: string;
  nodeName: string;
  name: string;
  /** restartCount when this instance was created: 0 for the first. */
  attempt: number;
  imageID: string;
  input: ContainerInput;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  message?: string;
  /** SIGTERM sent at, with the grace period before SIGKILL. */
  stopRequestedAt?: number;
  stopGraceMs?: number;
  /** Lines written in response to requests (access logs), ms since start. */
  requestLogs: LogLine[];
}

export interface RuntimeSnapshot {
  nodes: NodeMachine[];
  sandboxes: SandboxRecord[];
  containers: ContainerRecord[];
}

export function randomHex(random: Random, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += '0123456789abcdef'[random.int(16)];
  return s;
}

export class ContainerRuntime {
  readonly registry: ImageRegistry;
  #nodes = new Map<string, NodeMachine>();
  #sandboxes = new Map<string, SandboxRecord>();
  #containers = new Map<string, ContainerRecord>();
  #processes = new Map<string, ContainerProcess>();
  /** The same sandboxes and containers by pod uid: the kubelet asks per pod, thousands of times. */
  #byPod = new Map<string, { sandboxes: Set<SandboxRecord>; containers: Set<ContainerRecord> }>();
  /** Live (not stopped) sandboxes by node: a stopped node stops them all, and a new sandbox takes
   * an IP none of them holds. */
  #onNode = new Map<string, Set<SandboxRecord>>();
  /** Told when something changed outside the kubelet's own actions (faults), with the pod uid. */
  onChange?: (podUID: string | undefined, nodeName: string) => void;

  constructor(registry: ImageRegistry) {
    this.registry = registry;
  }

  // ---------- nodes ----------

  addNode(name: string, opts: { subnet: number; internalIP: string }): NodeMachine {
    const existing = this.#nodes.get(name);
    if (existing) return existing;
    const node: NodeMachine = { name, running: true, images: {}, subnet: opts.subnet, nextHost: 2, internalIP: opts.internalIP };
    this.#nodes.set(name, node);
    return node;
  }

  node(name: string): NodeMachine | undefined {
    return this.#nodes.get(name);
  }

  nodes(): NodeMachine[] {
    return [...this.#nodes.values()];
  }

  isNodeRunning(name: string): boolean {
    return this.#nodes.get(name)?.running ?? false;
  }

  /** The machine goes down: every container on it dies with it (exit 255, as after a reboot). */
  stopNode(name: string, now: number): void {
    const node = this.#nodes.get(name);
    if (!node || !node.running) return;
    node.running = false;
    for (const c of this.#containers.values()) {
      if (c.nodeName !== name) continue;
      this.settle(c, now);
      if (c.finishedAt === undefined) Object.assign(c, { finishedAt: now, exitCode: 255, reason: 'Unknown' });
    }
    for (const s of this.#onNode.get(name) ?? []) this.#stopSandbox(s, now);
    this.onChange?.(undefined, name);
  }

  startNode(name: string): void {
    const node = this.#nodes.get(name);
    if (!node || node.running) return;
    node.running = true;
    this.onChange?.(undefined, name);
  }

  // ---------- images ----------

  /** The imageID if this node has the image (pulled before, or preloaded by kind). */
  imageOnNode(nodeName: string, image: string): string | undefined {
    const parsed = parseImageReference(image);
    if (!parsed.ok) return undefined;
    const node = this.#nodes.get(nodeName);
    const stored = node?.images[parsed.ref.normalized];
    if (stored) return stored;
    const found = this.registry.lookup(image);
    return found?.model.preloaded ? found.imageID : undefined;
  }

  storeImage(nodeName: string, image: string, imageID: string): void {
    const parsed = parseImageReference(image);
    const node = this.#nodes.get(nodeName);
    if (parsed.ok && node) node.images[parsed.ref.normalized] = imageID;
  }

  // ---------- sandboxes ----------

  /** A new sandbox and its IP: the node's address for hostNetwork pods, else the next free one in its /24.
   * heldElsewhere says whether the API still shows an address for another pod on this node (a pod
   * not yet adopted after a restore). */
  createSandbox(nodeName: string, podUID: string, now: number, random: Random, hostNetwork = false, heldElsewhere: (ip: string) => boolean = () => false): SandboxRecord {
    const node = this.#nodes.get(nodeName);
    if (!node) throw new Error(`no such node ${nodeName}`);
    let ip = node.internalIP;
    if (!hostNetwork) {
      const live = this.#onNode.get(nodeName) ?? [];
      const holdsIP = (ip: string) => {
        for (const s of live) if (s.ip === ip) return true;
        return false;
      };
      for (let tries = 0; tries < 253; tries++) {
        const candidate = `10.244.${node.subnet}.${node.nextHost}`;
        node.nextHost = node.nextHost >= 254 ? 2 : node.nextHost + 1;
        if (!holdsIP(candidate) && !heldElsewhere(candidate)) {
          ip = candidate;
          break;
        }
      }
    }
    const sandbox: SandboxRecord = { id: randomHex(random, 64), podUID, nodeName, ip, createdAt: now };
    this.#addSandbox(sandbox);
    return sandbox;
  }

  /** Takes over a sandbox that already runs (a seeded pod, or state restored from a snapshot). */
  adoptSandbox(podUID: string, nodeName: string, ip: string, createdAt: number): string {
    const existing = this.sandboxOf(podUID);
    if (existing && existing.stoppedAt === undefined) return existing.id;
    const id = `adopted-${podUID}`;
    this.#addSandbox({ id, podUID, nodeName, ip, createdAt });
    return id;
  }

  /** Takes over a container the API says exists: its model replays from its start time. */
  adoptContainer(fields: Omit<ContainerRecord, 'requestLogs'>): ContainerRecord {
    const existing = this.#containers.get(fields.id);
    if (existing) return existing;
    const record: ContainerRecord = { ...fields, requestLogs: [] };
    this.#addContainer(record);
    return record;
  }

  sandboxOf(podUID: string): SandboxRecord | undefined {
    let found: SandboxRecord | undefined;
    for (const s of this.#podEntry(podUID)?.sandboxes ?? []) if (!found || s.createdAt >= found.createdAt) found = s;
    return found;
  }

  /** Removes a pod's sandboxes and containers (kubelet cleanup after the pod is gone). */
  removePod(podUID: string, now: number): void {
    const entry = this.#podEntry(podUID);
    for (const c of entry?.containers ?? []) {
      this.settle(c, now);
      if (c.finishedAt === undefined) Object.assign(c, { finishedAt: now, exitCode: 137, reason: 'Error' });
    }
    for (const s of entry?.sandboxes ?? []) this.#stopSandbox(s, now);
  }

  /** Forgets everything about pods not in keep (garbage collection of dead containers and logs). */
  forgetPodsExcept(keep: Set<string>): void {
    for (const [id, c] of this.#containers) if (!keep.has(c.podUID) && c.finishedAt !== undefined) this.#forget(id);
    for (const [id, s] of this.#sandboxes) {
      if (keep.has(s.podUID) || s.stoppedAt === undefined) continue;
      this.#sandboxes.delete(id);
      this.#podEntry(s.podUID)?.sandboxes.delete(s);
      this.#dropEmpty(s.podUID);
    }
  }

  #forget(id: string): void {
    const c = this.#containers.get(id);
    this.#containers.delete(id);
    this.#processes.delete(id);
    if (c) {
      this.#podEntry(c.podUID)?.containers.delete(c);
      this.#dropEmpty(c.podUID);
    }
  }

  #podEntry(podUID: string, create = false) {
    let entry = this.#byPod.get(podUID);
    if (!entry && create) this.#byPod.set(podUID, (entry = { sandboxes: new Set(), containers: new Set() }));
    return entry;
  }

  #dropEmpty(podUID: string): void {
    const entry = this.#byPod.get(podUID);
    if (entry && entry.sandboxes.size === 0 && entry.containers.size === 0) this.#byPod.delete(podUID);
  }

  #addSandbox(s: SandboxRecord): void {
    this.#sandboxes.set(s.id, s);
    this.#podEntry(s.podUID, true)!.sandboxes.add(s);
    if (s.stoppedAt !== undefined) return;
    let onNode = this.#onNode.get(s.nodeName);
    if (!onNode) this.#onNode.set(s.nodeName, (onNode = new Set()));
    onNode.add(s);
  }

  #stopSandbox(s: SandboxRecord, now: number): void {
    if (s.stoppedAt !== undefined) return;
    s.stoppedAt = now;
    this.#onNode.get(s.nodeName)?.delete(s);
  }

  #addContainer(c: ContainerRecord): void {
    this.#containers.set(c.id, c);
    this.#podEntry(c.podUID, true)!.containers.add(c);
  }

  // ---------- containers ----------

  createContainer(
    fields: Omit<ContainerRecord, 'id' | 'requestLogs' | 'createdAt'>,
    now: number,
    random: Random,
  ): ContainerRecord {
    const record: ContainerRecord = { ...fields, id: randomHex(random, 64), createdAt: now, requestLogs: [] };
    this.#addContainer(record);
    // Keep only the current and the previous instance of each container, as the kubelet's GC does.
    const instances = this.instances(fields.podUID, fields.name);
    for (const old of instances.slice(0, -2)) if (old.finishedAt !== undefined) this.#forget(old.id);
    return record;
  }

  startContainer(id: string, now: number): ContainerRecord {
    const c = this.#containers.get(id)!;
    c.startedAt = now;
    c.input = { ...c.input, startedAt: now };
    this.#processes.delete(id);
    return c;
  }

  container(id: string | undefined): ContainerRecord | undefined {
    return id ? this.#containers.get(id) : undefined;
  }

  /** Every retained instance of a pod's container, oldest first. */
  instances(podUID: string, name: string): ContainerRecord[] {
    return [...(this.#podEntry(podUID)?.containers ?? [])].filter((c) => c.name === name).sort((a, b) => a.createdAt - b.createdAt || a.attempt - b.attempt);
  }

  process(c: ContainerRecord): ContainerProcess {
    let p = this.#processes.get(c.id);
    if (!p) {
      const image = this.registry.lookup(c.input.image);
      if (!image) throw new Error(`image ${c.input.image} vanished from the registry`);
      p = image.model.behaviour.start(c.input);
      this.#processes.set(c.id, p);
    }
    return p;
  }

  /** When the container exits (on its own, or after SIGTERM/SIGKILL), if it will; epoch ms. */
  exitAt(c: ContainerRecord): { at: number; exitCode: number; reason?: string; message?: string } | undefined {
    if (c.finishedAt !== undefined) return { at: c.finishedAt, exitCode: c.exitCode ?? 0, reason: c.reason, message: c.message };
    if (c.startedAt === undefined) return undefined;
    const p = this.process(c);
    let best: { at: number; exitCode: number; reason?: string; message?: string } | undefined;
    if (p.exit) best = { at: c.startedAt + p.exit.afterMs, exitCode: p.exit.exitCode, reason: p.exit.reason, message: p.exit.message };
    if (c.stopRequestedAt !== undefined) {
      const grace = c.stopGraceMs ?? 30_000;
      const stop =
        p.onSigterm !== 'ignore' && p.onSigterm.afterMs < grace
          ? { at: c.stopRequestedAt + p.onSigterm.afterMs, exitCode: p.onSigterm.exitCode }
          : { at: c.stopRequestedAt + grace, exitCode: 137 };
      if (!best || stop.at < best.at) best = stop;
    }
    return best;
  }

  /** Records the exit if it has happened by now. Returns the container. */
  settle(c: ContainerRecord, now: number): ContainerRecord {
    if (c.finishedAt !== undefined || c.startedAt === undefined) return c;
    const exit = this.exitAt(c);
    if (exit && exit.at <= now) {
      c.finishedAt = exit.at;
      c.exitCode = exit.exitCode;
      c.reason = exit.reason ?? (exit.exitCode === 0 ? 'Completed' : 'Error');
      if (exit.message) c.message = exit.message;
    }
    return c;
  }

  isRunning(c: ContainerRecord, now: number): boolean {
    this.settle(c, now);
    return c.startedAt !== undefined && c.startedAt <= now && c.finishedAt === undefined;
  }

  /** Sends SIGTERM; the process exits per its model, or is SIGKILLed when graceMs runs out. */
  stop(c: ContainerRecord, now: number, graceMs: number): void {
    this.settle(c, now);
    if (c.finishedAt !== undefined) return;
    if (c.startedAt === undefined) {
      Object.assign(c, { finishedAt: now, exitCode: 0, reason: 'Completed' });
      return;
    }
    if (c.stopRequestedAt === undefined || now + graceMs < c.stopRequestedAt + (c.stopGraceMs ?? 0)) {
      c.stopRequestedAt = now;
      c.stopGraceMs = graceMs;
    }
  }

  /** Fault: the main process dies from SIGKILL (exit 137), as `kill -9` or the OOM killer would. */
  kill(c: ContainerRecord, now: number): void {
    this.settle(c, now);
    if (c.finishedAt !== undefined || c.startedAt === undefined) return;
    Object.assign(c, { finishedAt: now, exitCode: 137, reason: 'Error' });
    this.onChange?.(c.podUID, c.nodeName);
  }

  // ---------- talking to containers ----------

  exec(c: ContainerRecord, command: string[], now: number): ExecResult {
    if (!this.isRunning(c, now)) return { exitCode: 1, output: 'container not running' };
    return this.process(c).exec(command, now - c.startedAt!);
  }

  /** The files the container's own process has written by now (or by its exit), absolute paths. */
  files(c: ContainerRecord, now: number): Map<string, string> {
    if (c.startedAt === undefined) return new Map();
    this.settle(c, now);
    const at = Math.min(now, c.finishedAt ?? now) - c.startedAt;
    const out = new Map<string, string>();
    for (const [path, content] of this.process(c).files?.(at) ?? []) out.set(path.startsWith('/') ? path : `/${path}`, content);
    return out;
  }

  listens(c: ContainerRecord, port: number, now: number): boolean {
    return this.isRunning(c, now) && this.process(c).listens(port, now - c.startedAt!);
  }

  /** An HTTP request to one container; 'refused' when nothing listens there. Access-log lines are kept. */
  http(c: ContainerRecord, req: HttpRequest, now: number, recordLog = true): HttpResponse | 'refused' | 'reset' {
    if (!this.listens(c, req.port, now)) return 'refused';
    const p = this.process(c);
    const elapsed = now - c.startedAt!;
    const res = p.http?.(req, elapsed);
    if (!res) return 'reset';
    if (recordLog) for (const text of res.log ?? []) c.requestLogs.push({ atMs: elapsed, text });
    return res;
  }

  /** The running container in the pod with this IP that listens on port (for Services and curl). */
  containerAt(ip: string, port: number, now: number): ContainerRecord | undefined {
    const sandbox = [...this.#sandboxes.values()].find((s) => s.ip === ip && s.stoppedAt === undefined && this.isNodeRunning(s.nodeName));
    if (!sandbox) return undefined;
    return [...(this.#podEntry(sandbox.podUID)?.containers ?? [])].find((c) => c.sandboxId === sandbox.id && this.listens(c, port, now));
  }

  /** What one instance wrote, up to now (or its exit), merged with its access-log lines. */
  logLines(c: ContainerRecord, now: number): LogLine[] {
    if (c.startedAt === undefined) return [];
    this.settle(c, now);
    const end = Math.min(now, c.finishedAt ?? now) - c.startedAt;
    const lines = [...this.process(c).logs(-1, end), ...c.requestLogs.filter((l) => l.atMs <= end)];
    return lines.sort((a, b) => a.atMs - b.atMs);
  }

  // ---------- snapshots ----------

  snapshot(): RuntimeSnapshot {
    return structuredClone({ nodes: [...this.#nodes.values()], sandboxes: [...this.#sandboxes.values()], containers: [...this.#containers.values()] });
  }

  restore(state: RuntimeSnapshot): void {
    const copy = structuredClone(state);
    this.#nodes = new Map(copy.nodes.map((n) => [n.name, n]));
    this.#sandboxes = new Map();
    this.#containers = new Map();
    this.#byPod = new Map();
    this.#onNode = new Map();
    for (const sandbox of copy.sandboxes) this.#addSandbox(sandbox);
    for (const container of copy.containers) this.#addContainer(container);
    this.#processes.clear();
  }
}

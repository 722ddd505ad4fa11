// `sim`: the switches a lab flips to break things on purpose, in the simulator only. Each one
// stands for something you would do to a real kind cluster from outside Kubernetes, and `sim help`
// says what: stopping a node is `docker stop wheelhouse-worker2`, killing a container is
// `docker exec wheelhouse-worker crictl stop …`.
import type { Cluster } from '../cluster.ts';
import type { Command, CommandContext } from '../shell/command.ts';
import { parseDuration } from '../kubectl/flags.ts';

const help = `sim: switches for the built-in cluster (they have no kubectl equivalent)

  sim node stop NODE            the node's machine stops: its kubelet goes quiet, its pods stop
                                (real cluster: docker stop NODE)
  sim node start NODE           the machine comes back (real cluster: docker start NODE)
  sim container kill POD [-c CONTAINER] [-n NAMESPACE]
                                the container's main process is killed (exit 137); the kubelet restarts it
                                (real cluster: docker exec NODE crictl stop CONTAINER-ID)
  sim image break IMAGE         pulls of IMAGE fail from now on (ErrImagePull, ImagePullBackOff)
                                (real cluster: the tag was never pushed; here every tag can be pulled unless broken)
  sim image fix IMAGE           pulls of IMAGE work again
  sim time advance DURATION     move the cluster's clock forward at once, e.g. 5m (real cluster: wait)
  sim status                    what is switched off right now
`;

function usage(ctx: CommandContext, message: string): number {
  ctx.stderr.write(`sim: ${message}\nRun 'sim help' for usage.\n`);
  return 2;
}

/** Pulls -n/--namespace and -c/--container out of the arguments. */
function options(args: readonly string[]): { positional: string[]; namespace?: string; container?: string } {
  const positional: string[] = [];
  let namespace: string | undefined;
  let container: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (flag === '-n' || flag === '--namespace') namespace = inline ?? args[++i];
    else if (flag === '-c' || flag === '--container') container = inline ?? args[++i];
    else positional.push(a);
  }
  return { positional, namespace, container };
}

export interface SimCommandOptions {
  /** The namespace `sim container kill` uses without -n (the kubeconfig context's). */
  namespace?: () => string;
  /** Advance the clock for `sim time advance`; the page drives the clock itself, so it may refuse. */
  advance?: (ms: number) => void;
}

export function simCommand(cluster: () => Cluster, opts: SimCommandOptions = {}): Command {
  return {
    name: 'sim',
    group: 'kubernetes',
    summary: 'break things on purpose in the built-in cluster (sim help)',
    run(ctx) {
      const [area, action, ...rest] = ctx.args;
      const c = cluster();
      const nodes = () => c.client.list({ resource: 'nodes' }).items.map((n) => n.metadata.name!);
      switch (`${area ?? 'help'} ${action ?? ''}`.trim()) {
        case 'help':
        case '--help':
        case '-h':
          ctx.stdout.write(help);
          return 0;
        case 'node stop':
        case 'node start': {
          const name = rest[0];
          if (!name) return usage(ctx, `node ${action} needs a node name (one of: ${nodes().join(', ')})`);
          if (!nodes().includes(name)) return usage(ctx, `no node named ${JSON.stringify(name)} (nodes: ${nodes().join(', ')})`);
          if (action === 'stop') c.stopNode(name);
          else c.startNode(name);
          ctx.stdout.write(`node ${name} ${action === 'stop' ? 'stopped: its kubelet stops reporting; the node turns NotReady in about 40s' : 'started'}\n`);
          return 0;
        }
        case 'container kill': {
          const { positional, namespace: ns, container } = options(rest);
          const podName = positional[0];
          if (!podName) return usage(ctx, 'container kill needs a pod name');
          const namespace = ns ?? opts.namespace?.() ?? 'default';
          let pod;
          try {
            pod = c.client.get<{ apiVersion: string; kind: string; metadata: { name?: string }; spec?: { containers?: Array<{ name: string }> } }>({ resource: 'pods' }, namespace, podName);
          } catch {
            return usage(ctx, `pod ${JSON.stringify(podName)} not found in namespace ${JSON.stringify(namespace)}`);
          }
          const names = (pod.spec?.containers ?? []).map((x) => x.name);
          const target = container ?? names[0];
          if (!target || !names.includes(target)) return usage(ctx, `pod ${podName} has no container ${JSON.stringify(target)} (containers: ${names.join(', ')})`);
          c.killContainer(namespace, podName, target);
          ctx.stdout.write(`container ${target} in pod ${namespace}/${podName} killed (exit code 137)\n`);
          return 0;
        }
        case 'image break':
        case 'image fix': {
          const image = rest[0];
          if (!image) return usage(ctx, `image ${action} needs an image, e.g. bookstore/catalog:1.6`);
          if (action === 'break') c.makeImageUnpullable(image);
          else c.makeImagePullable(image);
          ctx.stdout.write(`image ${image}: pulls ${action === 'break' ? 'now fail' : 'work again'}\n`);
          return 0;
        }
        case 'time advance': {
          const ms = parseDuration(rest[0] ?? '');
          if (ms === undefined || ms <= 0) return usage(ctx, 'time advance needs a duration like 30s or 5m');
          (opts.advance ?? ((d: number) => c.advance(d)))(ms);
          ctx.stdout.write(`clock moved forward ${rest[0]}\n`);
          return 0;
        }
        case 'status': {
          const faults = c.faults.toJSON();
          ctx.stdout.write(`stopped nodes: ${faults.stoppedNodes.join(', ') || '(none)'}\nbroken images: ${faults.unpullableImages.join(', ') || '(none)'}\n`);
          return 0;
        }
        default:
          return usage(ctx, `unknown command ${JSON.stringify(ctx.args.join(' '))}`);
      }
    },
    complete(request) {
      const words = request.words ?? [];
      if (words.length <= 1) return ['node', 'container', 'image', 'time', 'status', 'help'].map((value) => ({ value }));
      const subs: Record<string, string[]> = { node: ['stop', 'start'], container: ['kill'], image: ['break', 'fix'], time: ['advance'] };
      if (words.length === 2) return (subs[words[1]!] ?? []).map((value) => ({ value }));
      if (words[1] === 'node') return cluster().client.list({ resource: 'nodes' }).items.map((n) => ({ value: n.metadata.name! }));
      return undefined;
    },
  };
}

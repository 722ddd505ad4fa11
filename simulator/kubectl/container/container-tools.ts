// The programs a simulated container runs besides the shell's own builtins: identity (hostname,
// id, whoami, uname, printenv), the network clients (wget, curl, nslookup) on the cluster network
// as seen from this pod, and honest answers for programs that exist in the image but are not modelled.
import type { Command, CommandContext } from '../../shell/command.ts';
import type { ClusterNetwork } from '../../network/network.ts';
import { runCurl } from '../../network/tools/curl.ts';
import { runNslookup } from '../../network/tools/nslookup.ts';
import { runWget } from '../../network/tools/wget.ts';
import { type NetworkToolContext, toolContextFor } from '../../network/tools/tool-context.ts';

export interface ContainerIdentity {
  namespace: string;
  pod: string;
  hostname: string;
  uid: number;
  base: string;
}

function networkContext(ctx: CommandContext, network: ClusterNetwork, who: ContainerIdentity): NetworkToolContext {
  return toolContextFor(ctx, network, { pod: { namespace: who.namespace, name: who.pod } });
}

export function containerTools(who: ContainerIdentity, network: ClusterNetwork | undefined, binaries: readonly string[]): Command[] {
  const user = who.uid === 0 ? 'root' : who.base === 'alpine' && who.uid === 1000 ? 'node' : undefined;
  const noNetwork = (name: string) => (ctx: CommandContext) => {
    ctx.stderr.write(`${name}: the cluster network is not attached to this simulated cluster\n`);
    return 1;
  };
  const tools: Command[] = [
    { name: 'hostname', run: (ctx) => (ctx.stdout.write(`${who.hostname}\n`), 0) },
    {
      name: 'printenv',
      run(ctx) {
        if (ctx.args.length === 0) {
          for (const [k, v] of Object.entries(ctx.env)) ctx.stdout.write(`${k}=${v}\n`);
          return 0;
        }
        let status = 0;
        for (const name of ctx.args) {
          const v = ctx.env[name];
          if (v === undefined) status = 1;
          else ctx.stdout.write(`${v}\n`);
        }
        return status;
      },
    },
    {
      name: 'id',
      run(ctx) {
        const name = user ?? `${who.uid}`;
        ctx.stdout.write(user ? `uid=${who.uid}(${name}) gid=${who.uid}(${name}) groups=${who.uid}(${name})\n` : `uid=${who.uid} gid=${who.uid} groups=${who.uid}\n`);
        return 0;
      },
    },
    {
      name: 'whoami',
      run(ctx) {
        if (user) {
          ctx.stdout.write(`${user}\n`);
          return 0;
        }
        ctx.stderr.write(`whoami: unknown uid ${who.uid}\n`);
        return 1;
      },
    },
    { name: 'uname', run: (ctx) => (ctx.stdout.write(ctx.args.includes('-a') ? `Linux ${who.hostname} 6.8.0-49-generic #49-Ubuntu SMP x86_64 GNU/Linux\n` : 'Linux\n'), 0) },
    { name: 'wget', run: (ctx) => (network ? runWget(networkContext(ctx, network, who)) : noNetwork('wget')(ctx)) },
    { name: 'curl', run: (ctx) => (network ? runCurl(networkContext(ctx, network, who)) : noNetwork('curl')(ctx)) },
    { name: 'nslookup', run: (ctx) => (network ? runNslookup(networkContext(ctx, network, who)) : noNetwork('nslookup')(ctx)) },
  ];
  return tools.filter((t) => binaries.includes(t.name));
}

/** A program the image has that the simulator does not model: say so rather than pretend. */
export function notModelled(name: string): Command {
  return {
    name,
    run(ctx) {
      ctx.stderr.write(`${name}: this program is in the image, but the simulated container does not model it\n`);
      return 1;
    },
  };
}

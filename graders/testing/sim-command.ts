// `sim node stop|start NAME` for the lab tests' shell: the solutions stop and start a node through
// it (on kind, `docker stop` runs instead). Kept here until the page's own `sim` command lands.
import type { Cluster } from '../../simulator/cluster.ts';
import type { Command } from '../../simulator/shell/index.ts';

export function simCommand(cluster: Cluster): Command {
  return {
    name: 'sim',
    group: 'kubernetes',
    summary: 'control the simulated cluster (stop and start nodes)',
    async run(ctx) {
      const [what, verb, name] = ctx.args;
      if (what !== 'node' || (verb !== 'stop' && verb !== 'start') || !name) {
        ctx.stderr.write('usage: sim node stop|start NAME\n');
        return 2;
      }
      try {
        if (verb === 'stop') cluster.stopNode(name);
        else cluster.startNode(name);
      } catch (err) {
        ctx.stderr.write(`sim: ${err instanceof Error ? err.message : String(err)}\n`);
        return 1;
      }
      ctx.stdout.write(`node/${name} ${verb === 'stop' ? 'stopped' : 'started'}\n`);
      return 0;
    },
  };
}

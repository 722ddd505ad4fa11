// `curl` in the lab terminal: the learner's own machine, outside the cluster. As with kind, only
// node ports on the node IPs and kind's published localhost ports (8080 → 30080, 8081 → 30081)
// are reachable from here; cluster names do not resolve and cluster IPs lead nowhere. curl's real
// error comes first, then one line on how to reach the inside.
import type { Command } from '../shell/command.ts';
import { workstationPortMappings } from './addresses.ts';
import type { ClusterNetwork, RequestOutcome } from './network.ts';
import { runCurl } from './tools/curl.ts';
import { toolContextFor } from './tools/tool-context.ts';

function hintFor(outcome: RequestOutcome): string | undefined {
  const inside = 'hint: cluster names and IPs are only reachable from inside the cluster: try `kubectl exec POD -- wget -qO- http://SERVICE` (or `kubectl port-forward` on a real cluster)';
  if (outcome.kind === 'unresolved' && /(\.svc(\.cluster\.local)?|\.cluster\.local)$|^[a-z0-9-]+(\.[a-z0-9-]+)?$/.test(outcome.host)) return inside;
  if (outcome.kind === 'timeout' && /^10\./.test(outcome.ip)) return inside;
  if (outcome.kind === 'refused' && outcome.ip === '127.0.0.1') {
    const ports = Object.entries(workstationPortMappings).map(([host, node]) => `${host} (node port ${node})`).join(' and ');
    return `hint: on this cluster only localhost ports ${ports} lead into the cluster, as kind's port mappings publish them`;
  }
  return undefined;
}

/** The lab shell's curl; `network` is read per run so the terminal survives a cluster reset. */
export function labCurlCommand(network: () => ClusterNetwork): Command {
  return {
    name: 'curl',
    group: 'network',
    summary: 'transfer a URL (from your machine: node ports and localhost:8080 reach the cluster)',
    run(ctx) {
      return runCurl(toolContextFor(ctx, network(), 'workstation'), { hint: hintFor });
    },
  };
}

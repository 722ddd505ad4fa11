// BusyBox nslookup, asking the cluster's DNS (kube-dns at 10.96.0.10) the way a pod's resolver
// does: each search domain in turn, NXDOMAIN lines for the misses, then the answer.
import { kubeDnsIP } from '../addresses.ts';
import { candidates } from '../dns.ts';
import type { NetworkToolContext } from './tool-context.ts';

export function runNslookup(ctx: NetworkToolContext): number {
  const name = ctx.args.find((a) => !a.startsWith('-'));
  if (!name) {
    ctx.stderr.write('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n');
    return 1;
  }
  const from = ctx.from;
  const namespace = typeof from === 'object' && 'pod' in from ? from.pod.namespace : undefined;
  ctx.stdout.write(`Server:\t\t${kubeDnsIP}\nAddress:\t${kubeDnsIP}:53\n\n`);
  const answer = ctx.network.resolve(name, from);
  // BusyBox prints one NXDOMAIN line per search-path candidate that missed, for A and AAAA.
  const tried = candidates(name.toLowerCase(), namespace);
  const hit = answer.found ? tried.indexOf(answer.fqdn) : tried.length;
  for (const miss of tried.slice(0, hit < 0 ? 0 : hit)) ctx.stdout.write(`** server can't find ${miss}: NXDOMAIN\n\n`);
  if (!answer.found) return 1;
  if (answer.cname) {
    ctx.stdout.write(`${answer.fqdn}\tcanonical name = ${answer.cname}\n\n`);
    return 0;
  }
  for (const address of answer.addresses) ctx.stdout.write(`Name:\t${answer.fqdn}\nAddress: ${address}\n\n`);
  return 0;
}

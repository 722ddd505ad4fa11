// The simulated cluster network: DNS, Services through kube-proxy's rules, and the HTTP clients
// (curl, wget, nslookup) that the lab terminal and exec'd containers run on top of it.
export { ClusterNetwork, type ClusterNetworkOptions, type NetworkOrigin, type RequestOptions, type RequestOutcome, type Connection } from './network.ts';
export { runtimeBackends, type PodBackends, type PodAnswer } from './pod-backends.ts';
export { lookup, lookupFqdn, resolvConf, searchPath, candidates, type DnsAnswer } from './dns.ts';
export { KubeProxy, type Backend, type Routing } from './kube-proxy.ts';
export { ClusterView } from './cluster-view.ts';
export { parseUrl, isIPv4, clusterDomain, kubeDnsIP, workstationPortMappings, type ParsedUrl } from './addresses.ts';
export { runCurl, curlVersion } from './tools/curl.ts';
export { runWget } from './tools/wget.ts';
export { runNslookup } from './tools/nslookup.ts';
export type { NetworkToolContext } from './tools/tool-context.ts';
export { labCurlCommand } from './lab-curl.ts';

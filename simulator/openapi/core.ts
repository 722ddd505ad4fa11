// core/v1 kinds besides the Pod: Services, configuration (ConfigMap, Secret), namespaces, nodes,
// endpoints, events, service accounts, storage claims, quotas and the old ReplicationController.
import {
  bool,
  condition,
  defName,
  enumOf,
  gvk,
  int,
  intOrString,
  keyedList,
  kind,
  kindWithList,
  long,
  obj,
  quantities,
  ref,
  refs,
  str,
  stringMap,
  strings,
  time,
  type Definitions,
  type Schema,
} from './schema.ts';

const c = (name: string) => defName(`core.v1.${name}`);
const core = (kindName: string) => gvk('', 'v1', kindName);
const protocol = (what: string) => enumOf(['SCTP', 'TCP', 'UDP'], `The ${what} protocol: TCP (default), UDP or SCTP.`);
const accessModes = (what: string) => strings(`How the ${what} can be mounted: ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod.`, { 'x-kubernetes-list-type': 'atomic' });

const withList = (k: string, def: Schema): Definitions => kindWithList(core(k), 'core.v1', def);

export const coreDefinitions: Definitions = {
  ...withList(
    'Service',
    kind(core('Service'), 'A Service gives a set of pods (chosen by a label selector) one stable virtual IP and DNS name, and load-balances connections to them.', {
      spec: ref('core.v1.ServiceSpec', 'How the Service is exposed and which pods back it.'),
      status: ref('core.v1.ServiceStatus', 'The observed state, e.g. load balancer addresses. Read-only.'),
    }),
  ),
  [c('ServiceSpec')]: obj('The desired behaviour of a Service.', {
    allocateLoadBalancerNodePorts: bool('For LoadBalancer Services: whether node ports are allocated. Default true.'),
    clusterIP: str('The virtual IP of the Service, normally assigned at random. "None" makes a headless Service (DNS returns pod IPs). Cannot be changed.'),
    clusterIPs: strings('The cluster IPs (one per IP family). The first equals clusterIP.', { 'x-kubernetes-list-type': 'atomic' }),
    externalIPs: strings('Extra IPs, not managed by Kubernetes, on which nodes accept traffic for the Service.', { 'x-kubernetes-list-type': 'atomic' }),
    externalName: str('For type ExternalName: the DNS name the Service is an alias (CNAME) for.'),
    externalTrafficPolicy: enumOf(['Cluster', 'Local'], 'For NodePort and LoadBalancer: Cluster (default) spreads traffic over all endpoints; Local keeps it on the receiving node and the client IP.'),
    healthCheckNodePort: int('The node port load balancers probe when externalTrafficPolicy is Local.'),
    internalTrafficPolicy: enumOf(['Cluster', 'Local'], 'Cluster (default) routes in-cluster traffic to any endpoint; Local only to endpoints on the same node.'),
    ipFamilies: strings('The IP families (IPv4, IPv6) of the Service.', { 'x-kubernetes-list-type': 'atomic' }),
    ipFamilyPolicy: enumOf(['PreferDualStack', 'RequireDualStack', 'SingleStack'], 'SingleStack (default), PreferDualStack or RequireDualStack.'),
    loadBalancerClass: str('The load balancer implementation to use.'),
    loadBalancerIP: str('Deprecated: an IP to ask the load balancer for.'),
    loadBalancerSourceRanges: strings('Client CIDRs the load balancer accepts.', { 'x-kubernetes-list-type': 'atomic' }),
    ports: keyedList('core.v1.ServicePort', 'The ports the Service exposes. With more than one, each needs a name.', 'port', ['port', 'protocol']),
    publishNotReadyAddresses: bool('Include pods that are not ready in DNS and endpoints. Default false.'),
    selector: stringMap('Pods with all of these labels back the Service. Without a selector, endpoints are managed by hand.', { 'x-kubernetes-map-type': 'atomic' }),
    sessionAffinity: enumOf(['ClientIP', 'None'], 'ClientIP sends a client to the same pod each time; None (default) does not.'),
    sessionAffinityConfig: ref('core.v1.SessionAffinityConfig', 'Settings of session affinity.'),
    trafficDistribution: str('A preference for how traffic is spread over endpoints, e.g. PreferClose.'),
    type: enumOf(
      ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
      'How the Service is exposed: ClusterIP (default, inside the cluster), NodePort (also on a port of every node), LoadBalancer (also through an external load balancer) or ExternalName (a DNS alias).',
    ),
  }),
  [c('ServicePort')]: obj(
    'A port of a Service.',
    {
      appProtocol: str('The application protocol, e.g. http or kubernetes.io/h2c.'),
      name: str('The port name; required when the Service has more than one port. Used in EndpointSlices and SRV records.'),
      nodePort: int('For NodePort and LoadBalancer: the port on every node (30000-32767), assigned at random if not set.'),
      port: int('The port the Service listens on.'),
      protocol: protocol('port'),
      targetPort: intOrString('The port (number or container port name) on the pods that traffic goes to. Defaults to port.'),
    },
    ['port'],
  ),
  [c('ServiceStatus')]: obj('The observed state of a Service.', {
    conditions: keyedList('meta.v1.Condition', 'Conditions of the Service.', 'type', ['type']),
    loadBalancer: ref('core.v1.LoadBalancerStatus', 'The load balancer, if there is one.'),
  }),
  [c('LoadBalancerStatus')]: obj('A load balancer.', { ingress: refs('core.v1.LoadBalancerIngress', 'Its addresses.', { 'x-kubernetes-list-type': 'atomic' }) }),
  [c('LoadBalancerIngress')]: obj('A load balancer address.', {
    hostname: str('A DNS name.'),
    ip: str('An IP address.'),
    ipMode: str('How traffic to the IP reaches the Service: VIP or Proxy.'),
    ports: refs('core.v1.PortStatus', 'Per-port status.', { 'x-kubernetes-list-type': 'atomic' }),
  }),
  [c('PortStatus')]: obj('The status of a port.', { error: str('Why the port has a problem.'), port: int('The port.'), protocol: protocol('port') }, ['port', 'protocol']),
  [c('SessionAffinityConfig')]: obj('Session affinity settings.', { clientIP: ref('core.v1.ClientIPConfig', 'ClientIP affinity settings.') }),
  [c('ClientIPConfig')]: obj('ClientIP affinity settings.', { timeoutSeconds: int('How long a client sticks to a pod. Default 10800 (3 hours).') }),

  ...withList(
    'ConfigMap',
    kind(core('ConfigMap'), 'A ConfigMap holds non-secret configuration as key/value pairs, for pods to use as environment variables or files.', {
      binaryData: { type: 'object', additionalProperties: { type: 'string', format: 'byte' }, description: 'Binary values, base64-encoded. Keys may not also appear in data.' },
      data: stringMap('The configuration: keys made of alphanumerics, -, _ or ., and UTF-8 string values.'),
      immutable: bool('If true, the data can no longer be changed (only the object deleted).'),
    }),
  ),
  ...withList(
    'Secret',
    kind(core('Secret'), 'A Secret holds a small amount of sensitive data such as a password, a token or a key. Values are base64-encoded, not encrypted.', {
      data: { type: 'object', additionalProperties: { type: 'string', format: 'byte' }, description: 'The secret values, base64-encoded.' },
      immutable: bool('If true, the data can no longer be changed.'),
      stringData: stringMap('Write-only convenience: plain-text values merged into data on write. Never returned on read.'),
      type: str('The type, which decides what keys are required: Opaque (default), kubernetes.io/tls, kubernetes.io/dockerconfigjson, kubernetes.io/service-account-token, …'),
    }),
  ),
  ...withList(
    'Namespace',
    kind(core('Namespace'), 'A Namespace is a scope for names: objects in different namespaces may share a name. Deleting it deletes everything in it.', {
      spec: ref('core.v1.NamespaceSpec', 'The namespace spec.'),
      status: ref('core.v1.NamespaceStatus', 'The observed state. Read-only.'),
    }),
  ),
  [c('NamespaceSpec')]: obj('The namespace spec.', {
    finalizers: strings('Must be empty before the namespace is removed. Changed only through the finalize subresource.', { 'x-kubernetes-list-type': 'atomic' }),
  }),
  [c('NamespaceStatus')]: obj('The observed state of a namespace.', {
    conditions: keyedList('core.v1.NamespaceCondition', 'Conditions of the namespace, mostly about deletion.', 'type', ['type']),
    phase: enumOf(['Active', 'Terminating'], 'Active, or Terminating while its content is being deleted.'),
  }),
  [c('NamespaceCondition')]: condition('namespace'),

  ...withList(
    'Node',
    kind(core('Node'), 'A Node is a machine (virtual or physical) that runs pods. Its kubelet registers it and reports its status.', {
      spec: ref('core.v1.NodeSpec', 'How the node is configured.'),
      status: ref('core.v1.NodeStatus', 'The most recently observed state. Read-only; written by the kubelet.'),
    }),
  ),
  [c('NodeSpec')]: obj('How a node is configured.', {
    configSource: { type: 'object', description: 'Deprecated: dynamic kubelet configuration.', 'x-kubernetes-preserve-unknown-fields': true },
    externalID: str('Deprecated.'),
    podCIDR: str('The pod IP range of the node.'),
    podCIDRs: strings('The pod IP ranges (one per IP family).', { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'set' }),
    providerID: str('The cloud provider id of the node.'),
    taints: refs('core.v1.Taint', 'Taints repel pods that do not tolerate them.', { 'x-kubernetes-list-type': 'atomic' }),
    unschedulable: bool('If true (kubectl cordon), no new pods are scheduled onto the node.'),
  }),
  [c('Taint')]: obj(
    'A taint: pods must tolerate it to be scheduled onto (or stay on) the node.',
    {
      effect: enumOf(['NoExecute', 'NoSchedule', 'PreferNoSchedule'], 'NoSchedule, PreferNoSchedule or NoExecute (also evicts running pods).'),
      key: str('The taint key.'),
      timeAdded: time('When a NoExecute taint was added.'),
      value: str('The taint value.'),
    },
    ['key', 'effect'],
  ),
  [c('NodeStatus')]: obj('The observed state of a node.', {
    addresses: keyedList('core.v1.NodeAddress', 'Addresses of the node: InternalIP, ExternalIP, Hostname.', 'type', ['type']),
    allocatable: quantities('Resources available to pods (capacity minus what is reserved for the system).'),
    capacity: quantities('Total resources of the node: cpu, memory, pods, ephemeral-storage.'),
    conditions: keyedList('core.v1.NodeCondition', 'Conditions: Ready, MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable.', 'type', ['type']),
    config: { type: 'object', description: 'Status of dynamic kubelet configuration.', 'x-kubernetes-preserve-unknown-fields': true },
    daemonEndpoints: ref('core.v1.NodeDaemonEndpoints', 'Ports of daemons on the node.'),
    features: { type: 'object', description: 'Features the node supports.', 'x-kubernetes-preserve-unknown-fields': true },
    images: refs('core.v1.ContainerImage', 'Images present on the node.', { 'x-kubernetes-list-type': 'atomic' }),
    nodeInfo: ref('core.v1.NodeSystemInfo', 'Versions and ids of the node.'),
    phase: enumOf(['Pending', 'Running', 'Terminated'], 'Deprecated and not set.'),
    runtimeHandlers: { type: 'array', items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, description: 'Runtime handlers the node offers.' },
    volumesAttached: { type: 'array', items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, description: 'Volumes attached to the node.' },
    volumesInUse: strings('Volumes in use on the node.', { 'x-kubernetes-list-type': 'atomic' }),
  }),
  [c('NodeAddress')]: obj('An address of a node.', { address: str('The address.'), type: str('Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS.') }, ['type', 'address']),
  [c('NodeCondition')]: condition('node', { lastHeartbeatTime: time('When the kubelet last reported this condition.') }),
  [c('NodeDaemonEndpoints')]: obj('Ports of daemons on a node.', { kubeletEndpoint: ref('core.v1.DaemonEndpoint', 'The kubelet\'s port.') }),
  [c('DaemonEndpoint')]: obj('A daemon port.', { Port: int('The port number.') }, ['Port']),
  [c('ContainerImage')]: obj('An image on a node.', { names: strings('Names and digests of the image.', { 'x-kubernetes-list-type': 'atomic' }), sizeBytes: long('Its size in bytes.') }),
  [c('NodeSystemInfo')]: obj(
    'Versions and ids of a node.',
    {
      architecture: str('CPU architecture, e.g. amd64.'),
      bootID: str('Boot id.'),
      containerRuntimeVersion: str('Container runtime and version, e.g. containerd://1.7.24.'),
      kernelVersion: str('Kernel version (uname -r).'),
      kubeProxyVersion: str('Deprecated: kube-proxy version.'),
      kubeletVersion: str('Kubelet version.'),
      machineID: str('Machine id.'),
      operatingSystem: str('linux or windows.'),
      osImage: str('OS image, e.g. Debian GNU/Linux 12.'),
      systemUUID: str('System UUID.'),
    },
    ['machineID', 'systemUUID', 'bootID', 'kernelVersion', 'osImage', 'containerRuntimeVersion', 'kubeletVersion', 'kubeProxyVersion', 'operatingSystem', 'architecture'],
  ),

  ...withList(
    'Endpoints',
    kind(core('Endpoints'), 'The addresses behind a Service: ready and not-ready pod IPs with ports. Maintained by the endpoints controller; EndpointSlices supersede it.', {
      subsets: refs('core.v1.EndpointSubset', 'Groups of addresses that share the same ports.', { 'x-kubernetes-list-type': 'atomic' }),
    }),
  ),
  [c('EndpointSubset')]: obj('Addresses with a common set of ports.', {
    addresses: refs('core.v1.EndpointAddress', 'Ready addresses.', { 'x-kubernetes-list-type': 'atomic' }),
    notReadyAddresses: refs('core.v1.EndpointAddress', 'Addresses that are not ready yet.', { 'x-kubernetes-list-type': 'atomic' }),
    ports: refs('core.v1.EndpointPort', 'The ports.', { 'x-kubernetes-list-type': 'atomic' }),
  }),
  [c('EndpointAddress')]: obj(
    'One endpoint address.',
    { hostname: str('Hostname of the endpoint.'), ip: str('The IP.'), nodeName: str('The node it is on.'), targetRef: ref('core.v1.ObjectReference', 'The pod behind it.') },
    ['ip'],
    { 'x-kubernetes-map-type': 'atomic' },
  ),
  [c('EndpointPort')]: obj(
    'A port of an endpoint.',
    { appProtocol: str('Application protocol.'), name: str('Matches the Service port name.'), port: int('The port number.'), protocol: protocol('port') },
    ['port'],
    { 'x-kubernetes-map-type': 'atomic' },
  ),

  ...withList(
    'Event',
    kind(
      core('Event'),
      'An Event reports something that happened to an object: a pod scheduled, an image pulled, a probe failing. Events expire after an hour.',
      {
        action: str('What was done, or failed.'),
        count: int('How many times the event has happened.'),
        eventTime: ref('meta.v1.MicroTime', 'When the event first happened (newer reporters).'),
        firstTimestamp: time('When the event was first recorded.'),
        involvedObject: ref('core.v1.ObjectReference', 'The object the event is about.'),
        lastTimestamp: time('When the event last happened.'),
        message: str('A human-readable description.'),
        reason: str('A short CamelCase reason, e.g. Scheduled, Pulled, BackOff.'),
        related: ref('core.v1.ObjectReference', 'A second object involved, if any.'),
        reportingComponent: str('The component that reported the event, e.g. kubelet.'),
        reportingInstance: str('The instance of that component, e.g. the node name.'),
        series: ref('core.v1.EventSeries', 'Data on a series of repeated events.'),
        source: ref('core.v1.EventSource', 'The component and host that reported the event.'),
        type: str('Normal or Warning.'),
      },
      ['metadata', 'involvedObject'],
    ),
  ),
  [c('EventSource')]: obj('Who reported an event.', { component: str('The component, e.g. kubelet or default-scheduler.'), host: str('The node name.') }),
  [c('EventSeries')]: obj('A series of repeated events.', { count: int('Occurrences so far.'), lastObservedTime: ref('meta.v1.MicroTime', 'The last occurrence.') }),
  [c('ObjectReference')]: obj(
    'A reference to another object.',
    {
      apiVersion: str('API version of the referent.'),
      fieldPath: str('A part of the object, e.g. spec.containers{nginx}.'),
      kind: str('Kind of the referent.'),
      name: str('Name of the referent.'),
      namespace: str('Namespace of the referent.'),
      resourceVersion: str('The resourceVersion the reference was made at.'),
      uid: str('UID of the referent.'),
    },
    undefined,
    { 'x-kubernetes-map-type': 'atomic' },
  ),

  ...withList(
    'ServiceAccount',
    kind(core('ServiceAccount'), 'A ServiceAccount is an identity for processes that run in pods, used to authenticate to the API server.', {
      automountServiceAccountToken: bool('Whether pods using this account get an API token mounted by default.'),
      imagePullSecrets: refs('core.v1.LocalObjectReference', 'Registry credentials added to pods that use this account.', { 'x-kubernetes-list-type': 'atomic' }),
      secrets: keyedList('core.v1.ObjectReference', 'Legacy token Secrets of the account.', 'name', null),
    }),
  ),

  ...withList(
    'PersistentVolumeClaim',
    kind(core('PersistentVolumeClaim'), 'A PersistentVolumeClaim asks for storage; it is bound to a PersistentVolume that a pod can then mount.', {
      spec: ref('core.v1.PersistentVolumeClaimSpec', 'The storage asked for.'),
      status: ref('core.v1.PersistentVolumeClaimStatus', 'The observed state. Read-only.'),
    }),
  ),
  [c('PersistentVolumeClaimSpec')]: obj('The storage a claim asks for.', {
    accessModes: accessModes('volume'),
    dataSource: ref('core.v1.TypedLocalObjectReference', 'Populate the volume from a snapshot or another PVC.'),
    dataSourceRef: ref('core.v1.TypedObjectReference', 'Populate the volume from any supported object.'),
    resources: ref('core.v1.VolumeResourceRequirements', 'The size asked for (requests.storage).'),
    selector: ref('meta.v1.LabelSelector', 'Labels a pre-provisioned volume must have.'),
    storageClassName: str('The StorageClass; empty string means no class, unset means the default class.'),
    volumeAttributesClassName: str('The VolumeAttributesClass of the volume.'),
    volumeMode: enumOf(['Block', 'Filesystem'], 'Filesystem (default) or Block.'),
    volumeName: str('Bind to this PersistentVolume.'),
  }),
  [c('VolumeResourceRequirements')]: obj('The storage resources of a claim.', {
    limits: quantities('The most storage allowed.'),
    requests: quantities('The least storage wanted, e.g. storage: 1Gi.'),
  }),
  [c('PersistentVolumeClaimStatus')]: obj('The observed state of a claim.', {
    accessModes: accessModes('bound volume'),
    allocatedResources: quantities('Storage allocated to the claim.'),
    capacity: quantities('The capacity of the bound volume.'),
    conditions: keyedList('core.v1.PersistentVolumeClaimCondition', 'Conditions, e.g. about resizing.', 'type', ['type']),
    phase: enumOf(['Bound', 'Lost', 'Pending'], 'Pending, Bound or Lost.'),
  }),
  [c('PersistentVolumeClaimCondition')]: condition('claim', { lastProbeTime: time('When the condition was last probed.') }),
  [c('TypedLocalObjectReference')]: obj(
    'A typed reference within the namespace.',
    { apiGroup: str('API group of the referent.'), kind: str('Kind of the referent.'), name: str('Name of the referent.') },
    ['kind', 'name'],
    { 'x-kubernetes-map-type': 'atomic' },
  ),
  [c('TypedObjectReference')]: obj(
    'A typed reference.',
    { apiGroup: str('API group of the referent.'), kind: str('Kind of the referent.'), name: str('Name of the referent.'), namespace: str('Namespace of the referent.') },
    ['kind', 'name'],
  ),
  ...withList(
    'PersistentVolume',
    kind(core('PersistentVolume'), 'A PersistentVolume is a piece of storage in the cluster, provisioned by an administrator or dynamically by a StorageClass.', {
      spec: ref('core.v1.PersistentVolumeSpec', 'The volume.'),
      status: ref('core.v1.PersistentVolumeStatus', 'The observed state. Read-only.'),
    }),
  ),
  [c('PersistentVolumeSpec')]: obj(
    'A persistent volume: capacity, access modes and where the storage is.',
    {
      accessModes: accessModes('volume'),
      capacity: quantities('The size of the volume, e.g. storage: 10Gi.'),
      claimRef: ref('core.v1.ObjectReference', 'The claim bound to the volume.'),
      csi: { type: 'object', description: 'Storage from a CSI driver.', 'x-kubernetes-preserve-unknown-fields': true },
      hostPath: ref('core.v1.HostPathVolumeSource', 'A directory on a node; for single-node test clusters.'),
      local: ref('core.v1.LocalVolumeSource', 'A local disk or directory of one node; needs nodeAffinity.'),
      mountOptions: strings('Mount options.', { 'x-kubernetes-list-type': 'atomic' }),
      nfs: ref('core.v1.NFSVolumeSource', 'An NFS share.'),
      nodeAffinity: ref('core.v1.VolumeNodeAffinity', 'The nodes the volume can be used from.'),
      persistentVolumeReclaimPolicy: enumOf(['Delete', 'Recycle', 'Retain'], 'What happens when the claim is released: Retain, Delete or Recycle (deprecated).'),
      storageClassName: str('The StorageClass of the volume.'),
      volumeAttributesClassName: str('The VolumeAttributesClass of the volume.'),
      volumeMode: enumOf(['Block', 'Filesystem'], 'Filesystem (default) or Block.'),
    },
  ),
  [c('LocalVolumeSource')]: obj('A local volume.', { fsType: str('Filesystem type, for block devices.'), path: str('The path on the node.') }, ['path']),
  [c('VolumeNodeAffinity')]: obj('Nodes a volume can be reached from.', { required: ref('core.v1.NodeSelector', 'The nodes.') }),
  [c('PersistentVolumeStatus')]: obj('The observed state of a persistent volume.', {
    lastPhaseTransitionTime: time('When the phase last changed.'),
    message: str('Details about the state.'),
    phase: enumOf(['Available', 'Bound', 'Failed', 'Pending', 'Released'], 'Pending, Available, Bound, Released or Failed.'),
    reason: str('A short reason for a failure.'),
  }),

  ...withList(
    'ResourceQuota',
    kind(core('ResourceQuota'), 'A ResourceQuota caps the total resources (and object counts) a namespace may use.', {
      spec: ref('core.v1.ResourceQuotaSpec', 'The limits.'),
      status: ref('core.v1.ResourceQuotaStatus', 'The limits enforced and what is used. Read-only.'),
    }),
  ),
  [c('ResourceQuotaSpec')]: obj('Quota limits.', {
    hard: quantities('The caps per resource, e.g. requests.cpu: "4", pods: "10".'),
    scopeSelector: ref('core.v1.ScopeSelector', 'Which objects the quota counts, as expressions.'),
    scopes: strings('Which objects the quota counts, e.g. BestEffort or NotTerminating.', { 'x-kubernetes-list-type': 'atomic' }),
  }),
  [c('ScopeSelector')]: obj(
    'Quota scopes as expressions.',
    { matchExpressions: refs('core.v1.ScopedResourceSelectorRequirement', 'The expressions.', { 'x-kubernetes-list-type': 'atomic' }) },
    undefined,
    { 'x-kubernetes-map-type': 'atomic' },
  ),
  [c('ScopedResourceSelectorRequirement')]: obj(
    'A quota scope expression.',
    {
      operator: enumOf(['DoesNotExist', 'Exists', 'In', 'NotIn'], 'In, NotIn, Exists or DoesNotExist.'),
      scopeName: enumOf(
        ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating', 'VolumeAttributesClass'],
        'The scope.',
      ),
      values: strings('Values for In and NotIn.', { 'x-kubernetes-list-type': 'atomic' }),
    },
    ['scopeName', 'operator'],
  ),
  [c('ResourceQuotaStatus')]: obj('Quota usage.', { hard: quantities('The caps enforced.'), used: quantities('What the namespace uses now.') }),
  ...withList(
    'LimitRange',
    kind(core('LimitRange'), 'A LimitRange sets default, minimum and maximum resources for containers, pods or claims in a namespace.', {
      spec: ref('core.v1.LimitRangeSpec', 'The limits.'),
    }),
  ),
  [c('LimitRangeSpec')]: obj('Limits of a LimitRange.', { limits: refs('core.v1.LimitRangeItem', 'The limits per kind of object.', { 'x-kubernetes-list-type': 'atomic' }) }, ['limits']),
  [c('LimitRangeItem')]: obj(
    'Limits for one kind of object.',
    {
      default: quantities('Default limits for containers that set none.'),
      defaultRequest: quantities('Default requests for containers that set none.'),
      max: quantities('The largest allowed values.'),
      maxLimitRequestRatio: quantities('The largest allowed limit/request ratio.'),
      min: quantities('The smallest allowed values.'),
      type: str('Container, Pod or PersistentVolumeClaim.'),
    },
    ['type'],
  ),
  ...withList(
    'ReplicationController',
    kind(core('ReplicationController'), 'The original way to keep a number of pod replicas running. Use a Deployment (with ReplicaSets) instead.', {
      spec: ref('core.v1.ReplicationControllerSpec', 'The desired state.'),
      status: ref('core.v1.ReplicationControllerStatus', 'The observed state. Read-only.'),
    }),
  ),
  [c('ReplicationControllerSpec')]: obj('The desired state of a ReplicationController.', {
    minReadySeconds: int('Seconds a new pod must be ready to count as available.'),
    replicas: int('The number of pods wanted. Default 1.'),
    selector: stringMap('Labels of the pods it manages; defaults to the template labels.', { 'x-kubernetes-map-type': 'atomic' }),
    template: ref('core.v1.PodTemplateSpec', 'The pods it creates.'),
  }),
  [c('ReplicationControllerStatus')]: obj(
    'The observed state of a ReplicationController.',
    {
      availableReplicas: int('Available pods.'),
      conditions: keyedList('core.v1.ReplicationControllerCondition', 'Conditions.', 'type', ['type']),
      fullyLabeledReplicas: int('Pods with all the template labels.'),
      observedGeneration: long('The generation last acted on.'),
      readyReplicas: int('Ready pods.'),
      replicas: int('Pods that exist.'),
    },
    ['replicas'],
  ),
  [c('ReplicationControllerCondition')]: condition('ReplicationController'),
};

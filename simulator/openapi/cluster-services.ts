// The smaller built-in groups: networking.k8s.io (Ingress, NetworkPolicy), discovery.k8s.io
// (EndpointSlice), autoscaling/v2 (HorizontalPodAutoscaler), storage.k8s.io (StorageClass),
// coordination.k8s.io (Lease) and events.k8s.io (Event, the newer schema of core Events).
import {
  bool,
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
  ref,
  refs,
  str,
  stringMap,
  strings,
  time,
  type Definitions,
  type Schema,
} from './schema.ts';

const n = (name: string) => defName(`networking.v1.${name}`);
const d = (name: string) => defName(`discovery.v1.${name}`);
const h = (name: string) => defName(`autoscaling.v2.${name}`);
const opaque = (description: string): Schema => ({ type: 'object', description, 'x-kubernetes-preserve-unknown-fields': true });

const networking: Definitions = {
  ...kindWithList(
    gvk('networking.k8s.io', 'v1', 'Ingress'),
    'networking.v1',
    kind(gvk('networking.k8s.io', 'v1', 'Ingress'), 'An Ingress routes external HTTP(S) traffic to Services by host name and path. It needs an ingress controller.', {
      spec: ref('networking.v1.IngressSpec', 'The routing rules.'),
      status: ref('networking.v1.IngressStatus', 'The observed state. Read-only.'),
    }),
  ),
  [n('IngressSpec')]: obj('The routing rules of an Ingress.', {
    defaultBackend: ref('networking.v1.IngressBackend', 'Where requests that match no rule go.'),
    ingressClassName: str('The IngressClass (controller) that implements this Ingress.'),
    rules: refs('networking.v1.IngressRule', 'Host rules; requests matching none go to the default backend.', { 'x-kubernetes-list-type': 'atomic' }),
    tls: refs('networking.v1.IngressTLS', 'TLS settings: hosts and the Secret with their certificate.', { 'x-kubernetes-list-type': 'atomic' }),
  }),
  [n('IngressRule')]: obj('Routes for one host.', {
    host: str('The host name (may start with *.); empty matches all hosts.'),
    http: ref('networking.v1.HTTPIngressRuleValue', 'The HTTP paths.'),
  }),
  [n('HTTPIngressRuleValue')]: obj('HTTP paths of a rule.', { paths: refs('networking.v1.HTTPIngressPath', 'The paths.', { 'x-kubernetes-list-type': 'atomic' }) }, ['paths']),
  [n('HTTPIngressPath')]: obj(
    'A path and the backend it routes to.',
    {
      backend: ref('networking.v1.IngressBackend', 'Where matching requests go.'),
      path: str('The path, starting with /.'),
      pathType: enumOf(['Exact', 'ImplementationSpecific', 'Prefix'], 'How the path matches: Exact, Prefix (by path segments) or ImplementationSpecific.'),
    },
    ['pathType', 'backend'],
  ),
  [n('IngressBackend')]: obj('A backend: a Service port or another resource.', {
    resource: ref('core.v1.TypedLocalObjectReference', 'A resource of another kind; excludes service.'),
    service: ref('networking.v1.IngressServiceBackend', 'A Service and port.'),
  }),
  [n('IngressServiceBackend')]: obj('A Service backend.', { name: str('The Service name.'), port: ref('networking.v1.ServiceBackendPort', 'The Service port.') }, ['name']),
  [n('ServiceBackendPort')]: obj('A Service port, by name or number.', { name: str('The port name.'), number: int('The port number.') }),
  [n('IngressTLS')]: obj('TLS for some hosts.', {
    hosts: strings('The hosts the certificate covers.', { 'x-kubernetes-list-type': 'atomic' }),
    secretName: str('The kubernetes.io/tls Secret with the certificate and key.'),
  }),
  [n('IngressStatus')]: obj('The observed state of an Ingress.', { loadBalancer: opaque('The addresses the Ingress is reachable at.') }),
  ...kindWithList(
    gvk('networking.k8s.io', 'v1', 'NetworkPolicy'),
    'networking.v1',
    kind(gvk('networking.k8s.io', 'v1', 'NetworkPolicy'), 'A NetworkPolicy says which traffic may reach (and leave) the pods it selects. It needs a network plugin that enforces it.', {
      spec: ref('networking.v1.NetworkPolicySpec', 'The policy.'),
    }),
  ),
  [n('NetworkPolicySpec')]: obj('A network policy.', {
    egress: refs('networking.v1.NetworkPolicyEgressRule', 'Allowed outgoing traffic.', { 'x-kubernetes-list-type': 'atomic' }),
    ingress: refs('networking.v1.NetworkPolicyIngressRule', 'Allowed incoming traffic.', { 'x-kubernetes-list-type': 'atomic' }),
    podSelector: ref('meta.v1.LabelSelector', 'The pods the policy applies to; empty selects all pods in the namespace.'),
    policyTypes: strings('Ingress, Egress or both: which directions the policy restricts.', { 'x-kubernetes-list-type': 'atomic' }),
  }),
  [n('NetworkPolicyIngressRule')]: obj('Allowed incoming traffic.', {
    from: refs('networking.v1.NetworkPolicyPeer', 'Sources allowed; empty allows all.', { 'x-kubernetes-list-type': 'atomic' }),
    ports: refs('networking.v1.NetworkPolicyPort', 'Ports allowed; empty allows all.', { 'x-kubernetes-list-type': 'atomic' }),
  }),
  [n('NetworkPolicyEgressRule')]: obj('Allowed outgoing traffic.', {
    ports: refs('networking.v1.NetworkPolicyPort', 'Ports allowed; empty allows all.', { 'x-kubernetes-list-type': 'atomic' }),
    to: refs('networking.v1.NetworkPolicyPeer', 'Destinations allowed; empty allows all.', { 'x-kubernetes-list-type': 'atomic' }),
  }),
  [n('NetworkPolicyPeer')]: obj('A traffic source or destination.', {
    ipBlock: ref('networking.v1.IPBlock', 'An IP range.'),
    namespaceSelector: ref('meta.v1.LabelSelector', 'Namespaces, by label.'),
    podSelector: ref('meta.v1.LabelSelector', 'Pods, by label.'),
  }),
  [n('IPBlock')]: obj('An IP range.', { cidr: str('The range, e.g. 10.0.0.0/8.'), except: strings('Ranges excluded from it.', { 'x-kubernetes-list-type': 'atomic' }) }, ['cidr']),
  [n('NetworkPolicyPort')]: obj('A port.', {
    endPort: int('With port, the end of a port range.'),
    port: intOrString('A port number or name.'),
    protocol: enumOf(['SCTP', 'TCP', 'UDP'], 'TCP (default), UDP or SCTP.'),
  }),
};

const discovery: Definitions = {
  ...kindWithList(
    gvk('discovery.k8s.io', 'v1', 'EndpointSlice'),
    'discovery.v1',
    kind(
      gvk('discovery.k8s.io', 'v1', 'EndpointSlice'),
      'An EndpointSlice lists some of the endpoints (pod addresses and ports) behind a Service. The EndpointSlice controller keeps them up to date.',
      {
        addressType: enumOf(['FQDN', 'IPv4', 'IPv6'], 'The type of the addresses: IPv4, IPv6 or FQDN.'),
        endpoints: refs('discovery.v1.Endpoint', 'The endpoints.', { 'x-kubernetes-list-type': 'atomic' }),
        ports: refs('discovery.v1.EndpointPort', 'The ports every endpoint serves.', { 'x-kubernetes-list-type': 'atomic' }),
      },
      ['addressType', 'endpoints'],
    ),
  ),
  [d('Endpoint')]: obj(
    'One endpoint.',
    {
      addresses: strings('Its addresses (usually one pod IP).', { 'x-kubernetes-list-type': 'set' }),
      conditions: ref('discovery.v1.EndpointConditions', 'Whether it is ready, serving and terminating.'),
      deprecatedTopology: stringMap('Deprecated topology labels.'),
      hints: ref('discovery.v1.EndpointHints', 'Hints for topology-aware routing.'),
      hostname: str('Its host name.'),
      nodeName: str('The node it runs on.'),
      targetRef: ref('core.v1.ObjectReference', 'The pod behind it.'),
      zone: str('The zone it runs in.'),
    },
    ['addresses'],
  ),
  [d('EndpointConditions')]: obj('The state of an endpoint.', {
    ready: bool('Ready to receive traffic (serving and not terminating).'),
    serving: bool('Passing its readiness checks, even if terminating.'),
    terminating: bool('Shutting down.'),
  }),
  [d('EndpointHints')]: obj('Routing hints.', { forZones: { type: 'array', items: opaque('A zone.'), description: 'Zones that should use this endpoint.', 'x-kubernetes-list-type': 'atomic' } }),
  [d('EndpointPort')]: obj(
    'A port of the endpoints.',
    {
      appProtocol: str('The application protocol.'),
      name: str('The Service port name it belongs to.'),
      port: int('The port number.'),
      protocol: enumOf(['SCTP', 'TCP', 'UDP'], 'TCP, UDP or SCTP.'),
    },
    undefined,
    { 'x-kubernetes-map-type': 'atomic' },
  ),
};

const metricTarget = (what: string) => ref('autoscaling.v2.MetricTarget', `The target of the ${what}.`);
const metricStatus = (what: string) => ref('autoscaling.v2.MetricValueStatus', `The current value of the ${what}.`);
const hpaGvk = gvk('autoscaling', 'v2', 'HorizontalPodAutoscaler');
const autoscaling: Definitions = {
  ...kindWithList(
    hpaGvk,
    'autoscaling.v2',
    kind(hpaGvk, 'A HorizontalPodAutoscaler changes the replica count of a workload to keep a metric (such as CPU use) near a target.', {
      spec: ref('autoscaling.v2.HorizontalPodAutoscalerSpec', 'What to scale and how.'),
      status: ref('autoscaling.v2.HorizontalPodAutoscalerStatus', 'The observed state. Read-only.'),
    }),
  ),
  [h('HorizontalPodAutoscalerSpec')]: obj(
    'What an autoscaler scales and how.',
    {
      behavior: ref('autoscaling.v2.HorizontalPodAutoscalerBehavior', 'How fast to scale up and down.'),
      maxReplicas: int('The most replicas.'),
      metrics: refs('autoscaling.v2.MetricSpec', 'The metrics to follow; the largest proposed replica count wins. Default: 80% average CPU.', {
        'x-kubernetes-list-type': 'atomic',
      }),
      minReplicas: int('The fewest replicas. Default 1.'),
      scaleTargetRef: ref('autoscaling.v2.CrossVersionObjectReference', 'The workload to scale (Deployment, StatefulSet, …).'),
    },
    ['scaleTargetRef', 'maxReplicas'],
  ),
  [h('CrossVersionObjectReference')]: obj(
    'A reference to a workload.',
    { apiVersion: str('API version of the referent.'), kind: str('Kind of the referent.'), name: str('Name of the referent.') },
    ['kind', 'name'],
  ),
  [h('MetricSpec')]: obj(
    'A metric to scale on.',
    {
      containerResource: opaque('A resource metric of one container of the pods.'),
      external: opaque('A metric from outside the cluster.'),
      object: opaque('A metric of another object.'),
      pods: opaque('A custom metric averaged over the pods.'),
      resource: ref('autoscaling.v2.ResourceMetricSource', 'A resource (cpu, memory) of the pods.'),
      type: str('Which source is set: Resource, Pods, Object, External or ContainerResource.'),
    },
    ['type'],
  ),
  [h('ResourceMetricSource')]: obj('A resource metric.', { name: str('cpu or memory.'), target: metricTarget('resource') }, ['name', 'target']),
  [h('MetricTarget')]: obj(
    'A target value.',
    {
      averageUtilization: int('Target average use, in percent of the pods\' requests.'),
      averageValue: ref('Quantity', 'Target average value per pod.'),
      type: str('Utilization, Value or AverageValue.'),
      value: ref('Quantity', 'Target value.'),
    },
    ['type'],
  ),
  [h('MetricValueStatus')]: obj('A current metric value.', {
    averageUtilization: int('Average use, in percent of requests.'),
    averageValue: ref('Quantity', 'Average value per pod.'),
    value: ref('Quantity', 'The value.'),
  }),
  [h('HorizontalPodAutoscalerBehavior')]: obj('Scaling speed.', { scaleDown: opaque('Rules for scaling down.'), scaleUp: opaque('Rules for scaling up.') }),
  [h('HorizontalPodAutoscalerStatus')]: obj(
    'The observed state of an autoscaler.',
    {
      conditions: keyedList('autoscaling.v2.HorizontalPodAutoscalerCondition', 'Conditions: AbleToScale, ScalingActive, ScalingLimited.', 'type', ['type']),
      currentMetrics: refs('autoscaling.v2.MetricStatus', 'The last read metric values.', { 'x-kubernetes-list-type': 'atomic' }),
      currentReplicas: int('Replicas seen now.'),
      desiredReplicas: int('Replicas wanted by the last calculation.'),
      lastScaleTime: time('When the autoscaler last scaled.'),
      observedGeneration: long('The generation last acted on.'),
    },
    ['desiredReplicas'],
  ),
  [h('MetricStatus')]: obj(
    'A current metric.',
    {
      containerResource: opaque('A container resource metric.'),
      external: opaque('An external metric.'),
      object: opaque('An object metric.'),
      pods: opaque('A pods metric.'),
      resource: ref('autoscaling.v2.ResourceMetricStatus', 'A resource metric.'),
      type: str('Which source is set.'),
    },
    ['type'],
  ),
  [h('ResourceMetricStatus')]: obj('A resource metric value.', { current: metricStatus('resource'), name: str('cpu or memory.') }, ['name', 'current']),
  [h('HorizontalPodAutoscalerCondition')]: obj(
    'One condition of an autoscaler.',
    {
      lastTransitionTime: time('When the status last changed.'),
      message: str('Details about the last transition.'),
      reason: str('A one-word CamelCase reason.'),
      status: str('True, False or Unknown.'),
      type: str('AbleToScale, ScalingActive or ScalingLimited.'),
    },
    ['type', 'status'],
  ),
};

const scGvk = gvk('storage.k8s.io', 'v1', 'StorageClass');
const leaseGvk = gvk('coordination.k8s.io', 'v1', 'Lease');
const eventGvk = gvk('events.k8s.io', 'v1', 'Event');
const misc: Definitions = {
  ...kindWithList(
    scGvk,
    'storage.v1',
    obj(
      'A StorageClass describes a kind of storage; PersistentVolumeClaims naming it get volumes provisioned dynamically.',
      {
        allowVolumeExpansion: bool('Whether claims of this class may grow.'),
        allowedTopologies: { type: 'array', items: opaque('A topology term.'), description: 'Where volumes may be provisioned.', 'x-kubernetes-list-type': 'atomic' },
        apiVersion: str('The versioned schema of this object (group/version).'),
        kind: str('The kind of object this is.'),
        metadata: ref('meta.v1.ObjectMeta', "The object's metadata."),
        mountOptions: strings('Mount options for its volumes.', { 'x-kubernetes-list-type': 'atomic' }),
        parameters: stringMap('Provisioner-specific parameters.'),
        provisioner: str('The provisioner that makes the volumes, e.g. rancher.io/local-path.'),
        reclaimPolicy: enumOf(['Delete', 'Recycle', 'Retain'], 'Reclaim policy of provisioned volumes: Delete (default) or Retain.'),
        volumeBindingMode: enumOf(['Immediate', 'WaitForFirstConsumer'], 'When volumes are bound: Immediate (default), or WaitForFirstConsumer (when a pod uses the claim).'),
      },
      ['provisioner'],
      { 'x-kubernetes-group-version-kind': [scGvk] },
    ),
  ),
  ...kindWithList(
    leaseGvk,
    'coordination.v1',
    kind(leaseGvk, 'A Lease is a lightweight lock with a holder and an expiry, used for leader election and node heartbeats.', {
      spec: ref('coordination.v1.LeaseSpec', 'The lease.'),
    }),
  ),
  [defName('coordination.v1.LeaseSpec')]: obj('A lease.', {
    acquireTime: ref('meta.v1.MicroTime', 'When the current holder took the lease.'),
    holderIdentity: str('Who holds the lease.'),
    leaseDurationSeconds: int('How long the holder may go without renewing.'),
    leaseTransitions: int('How many times the holder changed.'),
    preferredHolder: str('Who should hold the lease next.'),
    renewTime: ref('meta.v1.MicroTime', 'When the holder last renewed.'),
    strategy: str('How the next holder is chosen.'),
  }),
  ...kindWithList(
    eventGvk,
    'events.v1',
    kind(
      eventGvk,
      'An Event reports something that happened to an object (events.k8s.io schema of the same events core/v1 serves).',
      {
        action: str('What was done, or failed.'),
        deprecatedCount: int('The count, in the core/v1 schema.'),
        deprecatedFirstTimestamp: time('The first timestamp, in the core/v1 schema.'),
        deprecatedLastTimestamp: time('The last timestamp, in the core/v1 schema.'),
        deprecatedSource: ref('core.v1.EventSource', 'The source, in the core/v1 schema.'),
        eventTime: ref('meta.v1.MicroTime', 'When the event first happened.'),
        note: str('A human-readable description.'),
        reason: str('A short CamelCase reason.'),
        regarding: ref('core.v1.ObjectReference', 'The object the event is about.'),
        related: ref('core.v1.ObjectReference', 'A second object involved.'),
        reportingController: str('The controller that reported it.'),
        reportingInstance: str('The instance of that controller.'),
        series: { type: 'object', description: 'Data on repeated events.', 'x-kubernetes-preserve-unknown-fields': true },
        type: str('Normal or Warning.'),
      },
      ['eventTime'],
    ),
  ),
};

export const clusterServiceDefinitions: Definitions = { ...networking, ...discovery, ...autoscaling, ...misc };

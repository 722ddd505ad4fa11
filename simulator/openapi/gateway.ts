// Gateway API v1 (installed as CRDs, as on a kind cluster with the standard channel): the
// GatewayClass, Gateway and HTTPRoute kinds. CRD schemas nest their structures inline, so kubectl
// explain shows <Object> for them, as it does against a real cluster.
import { defName, enumOf, gvk, int, kind, listKind, long, obj, str, strings, type Definitions, type Schema } from './schema.ts';

const g = (name: string) => defName(`gateway.v1.${name}`);
const gw = (kindName: string) => gvk('gateway.networking.k8s.io', 'v1', kindName);
const opaque = (description: string): Schema => ({ type: 'object', description, 'x-kubernetes-preserve-unknown-fields': true });
const list = (description: string, items: Schema, extra: Partial<Schema> = {}): Schema => ({ type: 'array', description, items, ...extra });

const conditions = list(
  'Conditions describing the current state.',
  obj(
    'A condition.',
    {
      lastTransitionTime: { type: 'string', format: 'date-time', description: 'When the status last changed.' },
      message: str('Details about the transition.'),
      observedGeneration: long('The generation the condition was set for.'),
      reason: str('A CamelCase reason.'),
      status: enumOf(['True', 'False', 'Unknown'], 'True, False or Unknown.'),
      type: str('The condition type, e.g. Accepted or Programmed.'),
    },
    ['lastTransitionTime', 'message', 'reason', 'status', 'type'],
  ),
  { 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['type'] },
);

const parentRef = obj(
  'A parent (usually a Gateway) the route attaches to.',
  {
    group: str('API group of the parent. Default gateway.networking.k8s.io.'),
    kind: str('Kind of the parent. Default Gateway.'),
    name: str('Name of the parent.'),
    namespace: str("Namespace of the parent; default the route's."),
    port: int('Attach only to listeners on this port.'),
    sectionName: str('Attach only to the listener with this name.'),
  },
  ['name'],
);

const backendRef = obj(
  'A backend (usually a Service port) that requests are forwarded to.',
  {
    filters: list('Filters applied to requests sent to this backend.', opaque('A filter.')),
    group: str('API group of the backend; "" for core.'),
    kind: str('Kind of the backend. Default Service.'),
    name: str('Name of the backend.'),
    namespace: str("Namespace of the backend; default the route's. Other namespaces need a ReferenceGrant."),
    port: int('The Service port to send to.'),
    weight: int('Relative share of requests. Default 1; 0 sends none.'),
  },
  ['name'],
);

const match = obj('Conditions a request must meet; all of them.', {
  headers: list('Headers that must match.', obj('A header match.', { name: str('Header name.'), type: enumOf(['Exact', 'RegularExpression'], 'How to compare.'), value: str('The value.') }, ['name', 'value'])),
  method: enumOf(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'], 'The HTTP method.'),
  path: obj('The path match. Default a PathPrefix of /.', {
    type: enumOf(['Exact', 'PathPrefix', 'RegularExpression'], 'How to compare: Exact, PathPrefix (by segments) or RegularExpression.'),
    value: str('The path.'),
  }),
  queryParams: list('Query parameters that must match.', obj('A query match.', { name: str('Parameter name.'), type: enumOf(['Exact', 'RegularExpression'], 'How to compare.'), value: str('The value.') }, ['name', 'value'])),
});

const listener = obj(
  'A port, protocol and host name the Gateway accepts traffic on.',
  {
    allowedRoutes: obj('Which routes may attach.', {
      kinds: list('Route kinds allowed.', opaque('A route kind.')),
      namespaces: obj('Namespaces routes may come from.', { from: enumOf(['All', 'Same', 'Selector'], 'All, Same (default) or Selector.'), selector: opaque('The namespace selector for Selector.') }),
    }),
    hostname: str('The host name requests must be for; may start with *.'),
    name: str('The listener name, unique in the Gateway.'),
    port: int('The port.'),
    protocol: str('HTTP, HTTPS, TLS, TCP or UDP.'),
    tls: opaque('TLS settings: mode and certificate Secrets.'),
  },
  ['name', 'port', 'protocol'],
);

export const gatewayDefinitions: Definitions = {
  [g('GatewayClass')]: kind(gw('GatewayClass'), 'A GatewayClass names a kind of Gateway and the controller that implements it, like a StorageClass for traffic.', {
    spec: obj(
      'The class.',
      {
        controllerName: str('The controller that manages Gateways of this class, e.g. example.net/gateway-controller. Cannot be changed.'),
        description: str('A description of the class.'),
        parametersRef: opaque('Controller-specific configuration.'),
      },
      ['controllerName'],
    ),
    status: obj('The observed state.', { conditions, supportedFeatures: list('Features the controller supports.', opaque('A feature.')) }),
  }),
  [g('GatewayClassList')]: listKind(gw('GatewayClass'), 'gateway.v1.GatewayClass'),
  [g('Gateway')]: kind(gw('Gateway'), 'A Gateway is a load balancer instance: listeners (port, protocol, host) that routes attach to.', {
    spec: obj(
      'The desired Gateway.',
      {
        addresses: list('Addresses requested for the Gateway.', obj('An address.', { type: str('IPAddress or Hostname.'), value: str('The address.') }, ['value'])),
        gatewayClassName: str('The GatewayClass of this Gateway.'),
        infrastructure: opaque('Labels and annotations for the resources the controller creates.'),
        listeners: list('The listeners.', listener, { 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'] }),
      },
      ['gatewayClassName', 'listeners'],
    ),
    status: obj('The observed state.', {
      addresses: list('Addresses the Gateway got.', obj('An address.', { type: str('IPAddress or Hostname.'), value: str('The address.') }, ['value'])),
      conditions,
      listeners: list(
        'The state of each listener.',
        obj('A listener\'s state.', { attachedRoutes: int('Routes attached.'), conditions, name: str('The listener.'), supportedKinds: list('Route kinds supported.', opaque('A kind.')) }, [
          'attachedRoutes',
          'conditions',
          'name',
          'supportedKinds',
        ]),
        { 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'] },
      ),
    }),
  }),
  [g('GatewayList')]: listKind(gw('Gateway'), 'gateway.v1.Gateway'),
  [g('HTTPRoute')]: kind(gw('HTTPRoute'), 'An HTTPRoute attaches to Gateways and sends matching HTTP requests (by host, path, headers, …) to backends.', {
    spec: obj('The desired routing.', {
      hostnames: strings('Host names the route serves; empty means those of the listener.'),
      parentRefs: list('The Gateways (or listeners) the route attaches to.', parentRef),
      rules: list(
        'Routing rules.',
        obj('A rule: matches, filters and backends.', {
          backendRefs: list('Where matching requests go, split by weight.', backendRef),
          filters: list('Changes to requests and responses (header edits, redirects, rewrites, mirrors).', opaque('A filter.')),
          matches: list('Which requests the rule handles; any one match is enough. Default a PathPrefix of /.', match),
          name: str('The rule name.'),
          sessionPersistence: opaque('Session persistence settings.'),
          timeouts: obj('Timeouts.', { backendRequest: str('Timeout for one request to a backend, e.g. 10s.'), request: str('Timeout for the whole request, e.g. 30s.') }),
        }),
      ),
    }),
    status: obj(
      'The observed state.',
      {
        parents: list(
          'The state of the route per parent.',
          obj('The route\'s state with one parent.', { conditions, controllerName: str('The controller that wrote the entry.'), parentRef }, ['controllerName', 'parentRef']),
        ),
      },
      ['parents'],
    ),
  }),
  [g('HTTPRouteList')]: listKind(gw('HTTPRoute'), 'gateway.v1.HTTPRoute'),
};


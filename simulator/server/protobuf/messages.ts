// The protobuf messages kubectl 1.32's typed `create` commands send, written from the field
// numbers of k8s.io/api's generated.proto files (core/v1, apps/v1, batch/v1) and apimachinery's
// (meta/v1, runtime, intstr, resource). Only the fields those commands (and common manifests) set
// are declared; fields we do not declare are skipped when decoding, status included.
import protobuf from 'protobufjs';

export const protoText = `
syntax = "proto2";
package k8s;

// ---- runtime ----
message TypeMeta { optional string apiVersion = 1; optional string kind = 2; }
message Unknown {
  optional TypeMeta typeMeta = 1;
  optional bytes raw = 2;
  optional string contentEncoding = 3;
  optional string contentType = 4;
}

// ---- apimachinery ----
message Time { optional int64 seconds = 1; optional int32 nanos = 2; }
message Quantity { optional string string = 1; }
message IntOrString { optional int64 type = 1; optional int32 intVal = 2; optional string strVal = 3; }
message OwnerReference {
  optional string kind = 1; optional string name = 3; optional string uid = 4; optional string apiVersion = 5;
  optional bool controller = 6; optional bool blockOwnerDeletion = 7;
}
message ObjectMeta {
  optional string name = 1; optional string generateName = 2; optional string namespace = 3; optional string selfLink = 4;
  optional string uid = 5; optional string resourceVersion = 6; optional int64 generation = 7;
  optional Time creationTimestamp = 8; optional Time deletionTimestamp = 9; optional int64 deletionGracePeriodSeconds = 10;
  map<string, string> labels = 11; map<string, string> annotations = 12;
  repeated OwnerReference ownerReferences = 13; repeated string finalizers = 14;
}
message LabelSelectorRequirement { optional string key = 1; optional string operator = 2; repeated string values = 3; }
message LabelSelector { map<string, string> matchLabels = 1; repeated LabelSelectorRequirement matchExpressions = 2; }

// ---- core/v1 ----
message LocalObjectReference { optional string name = 1; }
message ObjectReference {
  optional string kind = 1; optional string namespace = 2; optional string name = 3; optional string uid = 4;
  optional string apiVersion = 5; optional string resourceVersion = 6; optional string fieldPath = 7;
}
message ContainerPort { optional string name = 1; optional int32 hostPort = 2; optional int32 containerPort = 3; optional string protocol = 4; optional string hostIP = 5; }
message EnvVar { optional string name = 1; optional string value = 2; }
message ResourceRequirements { map<string, Quantity> limits = 1; map<string, Quantity> requests = 2; }
message Container {
  optional string name = 1; optional string image = 2; repeated string command = 3; repeated string args = 4;
  optional string workingDir = 5; repeated ContainerPort ports = 6; repeated EnvVar env = 7;
  optional ResourceRequirements resources = 8;
  optional string terminationMessagePath = 13; optional string imagePullPolicy = 14;
  optional bool stdin = 16; optional bool stdinOnce = 17; optional bool tty = 18;
  optional string terminationMessagePolicy = 20; optional string restartPolicy = 24;
}
message PodSpec {
  repeated Container containers = 2; optional string restartPolicy = 3; optional int64 terminationGracePeriodSeconds = 4;
  optional int64 activeDeadlineSeconds = 5; optional string dnsPolicy = 6; map<string, string> nodeSelector = 7;
  optional string serviceAccountName = 8; optional string serviceAccount = 9; optional string nodeName = 10;
  optional bool hostNetwork = 11; optional bool hostPID = 12; optional bool hostIPC = 13;
  repeated LocalObjectReference imagePullSecrets = 15; optional string hostname = 16; optional string subdomain = 17;
  optional string schedulerName = 19; repeated Container initContainers = 20; optional bool automountServiceAccountToken = 21;
  optional string priorityClassName = 24; optional int32 priority = 25; optional bool enableServiceLinks = 30;
}
message PodTemplateSpec { optional ObjectMeta metadata = 1; optional PodSpec spec = 2; }
message NamespaceSpec { repeated string finalizers = 1; }
message NamespaceStatus {}
message Namespace { optional ObjectMeta metadata = 1; optional NamespaceSpec spec = 2; optional NamespaceStatus status = 3; }
message ConfigMap { optional ObjectMeta metadata = 1; map<string, string> data = 2; map<string, bytes> binaryData = 3; optional bool immutable = 4; }
message Secret { optional ObjectMeta metadata = 1; map<string, bytes> data = 2; optional string type = 3; map<string, string> stringData = 4; optional bool immutable = 5; }
message ServicePort {
  optional string name = 1; optional string protocol = 2; optional int32 port = 3; optional IntOrString targetPort = 4;
  optional int32 nodePort = 5; optional string appProtocol = 6;
}
message ServiceSpec {
  repeated ServicePort ports = 1; map<string, string> selector = 2; optional string clusterIP = 3; optional string type = 4;
  repeated string externalIPs = 5; optional string sessionAffinity = 7; optional string loadBalancerIP = 8;
  repeated string loadBalancerSourceRanges = 9; optional string externalName = 10; optional string externalTrafficPolicy = 11;
  optional int32 healthCheckNodePort = 12; optional bool publishNotReadyAddresses = 13;
  optional string ipFamilyPolicy = 17; repeated string clusterIPs = 18; repeated string ipFamilies = 19;
  optional bool allocateLoadBalancerNodePorts = 20; optional string loadBalancerClass = 21; optional string internalTrafficPolicy = 22;
}
message LoadBalancerStatus {}
message ServiceStatus { optional LoadBalancerStatus loadBalancer = 1; }
message Service { optional ObjectMeta metadata = 1; optional ServiceSpec spec = 2; optional ServiceStatus status = 3; }
message ServiceAccount {
  optional ObjectMeta metadata = 1; repeated ObjectReference secrets = 2; repeated LocalObjectReference imagePullSecrets = 3;
  optional bool automountServiceAccountToken = 4;
}
message ScopedResourceSelectorRequirement { optional string scopeName = 1; optional string operator = 2; repeated string values = 3; }
message ScopeSelector { repeated ScopedResourceSelectorRequirement matchExpressions = 1; }
message ResourceQuotaSpec { map<string, Quantity> hard = 1; repeated string scopes = 2; optional ScopeSelector scopeSelector = 3; }
message ResourceQuotaStatus {}
message ResourceQuota { optional ObjectMeta metadata = 1; optional ResourceQuotaSpec spec = 2; optional ResourceQuotaStatus status = 3; }

// ---- apps/v1 ----
message RollingUpdateDeployment { optional IntOrString maxUnavailable = 1; optional IntOrString maxSurge = 2; }
message DeploymentStrategy { optional string type = 1; optional RollingUpdateDeployment rollingUpdate = 2; }
message DeploymentSpec {
  optional int32 replicas = 1; optional LabelSelector selector = 2; optional PodTemplateSpec template = 3;
  optional DeploymentStrategy strategy = 4; optional int32 minReadySeconds = 5; optional int32 revisionHistoryLimit = 6;
  optional bool paused = 7; optional int32 progressDeadlineSeconds = 9;
}
message DeploymentStatus {}
message Deployment { optional ObjectMeta metadata = 1; optional DeploymentSpec spec = 2; optional DeploymentStatus status = 3; }

// ---- batch/v1 ----
message JobSpec {
  optional int32 parallelism = 1; optional int32 completions = 2; optional int64 activeDeadlineSeconds = 3;
  optional LabelSelector selector = 4; optional bool manualSelector = 5; optional PodTemplateSpec template = 6;
  optional int32 backoffLimit = 7; optional int32 ttlSecondsAfterFinished = 8; optional string completionMode = 9;
  optional bool suspend = 10;
}
message JobStatus {}
message Job { optional ObjectMeta metadata = 1; optional JobSpec spec = 2; optional JobStatus status = 3; }
message JobTemplateSpec { optional ObjectMeta metadata = 1; optional JobSpec spec = 2; }
message CronJobSpec {
  optional string schedule = 1; optional int64 startingDeadlineSeconds = 2; optional string concurrencyPolicy = 3;
  optional bool suspend = 4; optional JobTemplateSpec jobTemplate = 5; optional int32 successfulJobsHistoryLimit = 6;
  optional int32 failedJobsHistoryLimit = 7; optional string timeZone = 8;
}
message CronJobStatus {}
message CronJob { optional ObjectMeta metadata = 1; optional CronJobSpec spec = 2; optional CronJobStatus status = 3; }
`;

/** Go pointer fields: present on the wire only when set, so their zero value is meaningful
 * (replicas: 0, suspend: false). Every other zero on the wire is Go writing a value field, which
 * JSON would have left out. */
export const pointerFields = new Set([
  'DeploymentSpec.replicas',
  'DeploymentSpec.revisionHistoryLimit',
  'DeploymentSpec.progressDeadlineSeconds',
  'JobSpec.parallelism',
  'JobSpec.completions',
  'JobSpec.activeDeadlineSeconds',
  'JobSpec.manualSelector',
  'JobSpec.backoffLimit',
  'JobSpec.ttlSecondsAfterFinished',
  'JobSpec.suspend',
  'CronJobSpec.startingDeadlineSeconds',
  'CronJobSpec.suspend',
  'CronJobSpec.successfulJobsHistoryLimit',
  'CronJobSpec.failedJobsHistoryLimit',
  'CronJobSpec.timeZone',
  'PodSpec.terminationGracePeriodSeconds',
  'PodSpec.activeDeadlineSeconds',
  'PodSpec.automountServiceAccountToken',
  'PodSpec.priority',
  'PodSpec.enableServiceLinks',
  'ServiceAccount.automountServiceAccountToken',
  'ConfigMap.immutable',
  'Secret.immutable',
  'ServiceSpec.allocateLoadBalancerNodePorts',
  'ServiceSpec.ipFamilyPolicy',
  'ServiceSpec.internalTrafficPolicy',
  'OwnerReference.controller',
  'OwnerReference.blockOwnerDeletion',
]);

let root: protobuf.Root | undefined;

/** The parsed message definitions (parsed once, on first use). */
export function protoRoot(): protobuf.Root {
  root ??= protobuf.parse(protoText, { keepCase: true }).root;
  return root;
}

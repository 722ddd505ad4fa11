// core/v1 volumes: what a pod can mount. The sources a course (and most clusters today) use are
// described field by field; the in-tree cloud and legacy storage plugins are accepted as opaque
// objects, so manifests using them still validate.
import { bool, defName, enumOf, int, obj, ref, refs, str, type Definitions, type Schema } from './schema.ts';

const c = (name: string) => defName(`core.v1.${name}`);

const keyToPath = 'core.v1.KeyToPath';

/** Legacy and cloud-specific volume plugins: described in one line, their fields not checked. */
const opaqueSources: Record<string, [string, string]> = {
  awsElasticBlockStore: ['AWSElasticBlockStoreVolumeSource', 'Deprecated: an AWS EBS disk (now served by the EBS CSI driver).'],
  azureDisk: ['AzureDiskVolumeSource', 'Deprecated: an Azure data disk (now served by its CSI driver).'],
  azureFile: ['AzureFileVolumeSource', 'Deprecated: an Azure File share (now served by its CSI driver).'],
  cephfs: ['CephFSVolumeSource', 'Deprecated: a CephFS mount.'],
  cinder: ['CinderVolumeSource', 'Deprecated: an OpenStack Cinder volume.'],
  fc: ['FCVolumeSource', 'A Fibre Channel volume.'],
  flexVolume: ['FlexVolumeSource', 'Deprecated: a volume from a FlexVolume driver.'],
  flocker: ['FlockerVolumeSource', 'Deprecated: a Flocker volume.'],
  gcePersistentDisk: ['GCEPersistentDiskVolumeSource', 'Deprecated: a GCE persistent disk (now served by its CSI driver).'],
  gitRepo: ['GitRepoVolumeSource', 'Deprecated: a git repository cloned into an empty directory. Use an init container instead.'],
  glusterfs: ['GlusterfsVolumeSource', 'Deprecated: a GlusterFS mount.'],
  image: ['ImageVolumeSource', 'An OCI image or artifact mounted read-only (alpha).'],
  iscsi: ['ISCSIVolumeSource', 'An iSCSI disk.'],
  photonPersistentDisk: ['PhotonPersistentDiskVolumeSource', 'Deprecated: a Photon Controller disk.'],
  portworxVolume: ['PortworxVolumeSource', 'Deprecated: a Portworx volume.'],
  quobyte: ['QuobyteVolumeSource', 'Deprecated: a Quobyte mount.'],
  rbd: ['RBDVolumeSource', 'Deprecated: a Rados block device.'],
  scaleIO: ['ScaleIOVolumeSource', 'Deprecated: a ScaleIO volume.'],
  storageos: ['StorageOSVolumeSource', 'Deprecated: a StorageOS volume.'],
  vsphereVolume: ['VsphereVirtualDiskVolumeSource', 'Deprecated: a vSphere disk (now served by its CSI driver).'],
};

const opaque = (description: string): Schema => ({ type: 'object', description, 'x-kubernetes-preserve-unknown-fields': true });

function volumeSourceFields(): Record<string, Schema> {
  const fields: Record<string, Schema> = {
    configMap: ref('core.v1.ConfigMapVolumeSource', 'The keys of a ConfigMap as files.'),
    csi: ref('core.v1.CSIVolumeSource', 'An ephemeral volume from a CSI driver.'),
    downwardAPI: ref('core.v1.DownwardAPIVolumeSource', 'Pod fields (labels, annotations, …) as files.'),
    emptyDir: ref('core.v1.EmptyDirVolumeSource', "An empty directory that lives as long as the pod, shared by its containers."),
    ephemeral: ref('core.v1.EphemeralVolumeSource', 'A PersistentVolumeClaim created and deleted with the pod.'),
    hostPath: ref('core.v1.HostPathVolumeSource', "A file or directory of the node's filesystem. Use with care."),
    nfs: ref('core.v1.NFSVolumeSource', 'An NFS share.'),
    persistentVolumeClaim: ref('core.v1.PersistentVolumeClaimVolumeSource', 'The volume bound to a PersistentVolumeClaim in the same namespace.'),
    projected: ref('core.v1.ProjectedVolumeSource', 'Several sources (secrets, configmaps, downward API, service account token) in one directory.'),
    secret: ref('core.v1.SecretVolumeSource', 'The keys of a Secret as files.'),
  };
  for (const [field, [def, description]] of Object.entries(opaqueSources)) fields[field] = ref(`core.v1.${def}`, description);
  return fields;
}

const items = (what: string) => refs(keyToPath, `Which keys of the ${what} to project and to which paths; without it every key becomes a file named after the key.`, {
  'x-kubernetes-list-type': 'atomic',
});

export const volumeDefinitions: Definitions = {
  [c('Volume')]: obj('A named volume that containers of the pod can mount. Exactly one source field is set.', { name: str('The volume name, referred to by volumeMounts. A DNS label.'), ...volumeSourceFields() }, [
    'name',
  ]),
  [c('ConfigMapVolumeSource')]: obj('Projects a ConfigMap into a volume.', {
    defaultMode: int('Permission bits for the files, 0000-0777 (octal) or 0-511 (decimal). Default 0644.'),
    items: items('ConfigMap'),
    name: str('Name of the ConfigMap.'),
    optional: bool('If true, a missing ConfigMap or key is not an error.'),
  }),
  [c('SecretVolumeSource')]: obj('Projects a Secret into a volume.', {
    defaultMode: int('Permission bits for the files. Default 0644.'),
    items: items('Secret'),
    optional: bool('If true, a missing Secret or key is not an error.'),
    secretName: str('Name of the Secret.'),
  }),
  [c('KeyToPath')]: obj(
    'Maps one key to a file path.',
    { key: str('The key.'), mode: int('Permission bits for this file.'), path: str('The relative path of the file. May not contain "..".') },
    ['key', 'path'],
  ),
  [c('EmptyDirVolumeSource')]: obj('An empty directory for the lifetime of the pod.', {
    medium: str('"" (the node\'s disk, default) or Memory (a tmpfs).'),
    sizeLimit: ref('Quantity', 'The most storage the directory may use.'),
  }),
  [c('HostPathVolumeSource')]: obj(
    'A path on the node.',
    {
      path: str('The path on the node.'),
      type: enumOf(['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'], 'What must exist at the path; default "" checks nothing.'),
    },
    ['path'],
  ),
  [c('PersistentVolumeClaimVolumeSource')]: obj(
    'A reference to a PersistentVolumeClaim.',
    { claimName: str('Name of the PVC in the pod\'s namespace.'), readOnly: bool('Mount read-only. Default false.') },
    ['claimName'],
  ),
  [c('NFSVolumeSource')]: obj(
    'An NFS mount.',
    { path: str('The exported path.'), readOnly: bool('Mount read-only.'), server: str('The NFS server host name or IP.') },
    ['server', 'path'],
  ),
  [c('CSIVolumeSource')]: obj(
    'An ephemeral volume from a CSI driver.',
    {
      driver: str('The CSI driver name.'),
      fsType: str('The filesystem type.'),
      nodePublishSecretRef: ref('core.v1.LocalObjectReference', 'A Secret with credentials for the driver.'),
      readOnly: bool('Mount read-only.'),
      volumeAttributes: { type: 'object', additionalProperties: { type: 'string', default: '' }, description: 'Driver-specific attributes.' },
    },
    ['driver'],
  ),
  [c('EphemeralVolumeSource')]: obj('A volume backed by a PVC made from a template for this pod.', {
    volumeClaimTemplate: ref('core.v1.PersistentVolumeClaimTemplate', 'The template of the PVC.'),
  }),
  [c('PersistentVolumeClaimTemplate')]: obj(
    'A template for a PersistentVolumeClaim.',
    { metadata: ref('meta.v1.ObjectMeta', 'Labels and annotations for the PVC.'), spec: ref('core.v1.PersistentVolumeClaimSpec', 'The PVC spec.') },
    ['spec'],
  ),
  [c('DownwardAPIVolumeSource')]: obj('Pod information as files.', {
    defaultMode: int('Permission bits for the files.'),
    items: refs('core.v1.DownwardAPIVolumeFile', 'The files.', { 'x-kubernetes-list-type': 'atomic' }),
  }),
  [c('DownwardAPIVolumeFile')]: obj(
    'One file of a downward API volume.',
    {
      fieldRef: ref('core.v1.ObjectFieldSelector', 'A pod field: metadata.name, metadata.namespace, metadata.labels, metadata.annotations, metadata.uid.'),
      mode: int('Permission bits for this file.'),
      path: str('The relative path of the file.'),
      resourceFieldRef: ref('core.v1.ResourceFieldSelector', 'A container resource limit or request.'),
    },
    ['path'],
  ),
  [c('ProjectedVolumeSource')]: obj('Several sources projected into one directory.', {
    defaultMode: int('Permission bits for the files.'),
    sources: refs('core.v1.VolumeProjection', 'The sources.', { 'x-kubernetes-list-type': 'atomic' }),
  }),
  [c('VolumeProjection')]: obj('One source of a projected volume.', {
    clusterTrustBundle: opaque('Certificates from ClusterTrustBundle objects.'),
    configMap: ref('core.v1.ConfigMapProjection', 'Keys of a ConfigMap.'),
    downwardAPI: ref('core.v1.DownwardAPIProjection', 'Pod fields.'),
    secret: ref('core.v1.SecretProjection', 'Keys of a Secret.'),
    serviceAccountToken: ref('core.v1.ServiceAccountTokenProjection', 'A token for the pod\'s service account.'),
  }),
  [c('ConfigMapProjection')]: obj('A ConfigMap in a projected volume.', { items: items('ConfigMap'), name: str('Name of the ConfigMap.'), optional: bool('If true, a missing ConfigMap is not an error.') }),
  [c('SecretProjection')]: obj('A Secret in a projected volume.', { items: items('Secret'), name: str('Name of the Secret.'), optional: bool('If true, a missing Secret is not an error.') }),
  [c('DownwardAPIProjection')]: obj('Pod fields in a projected volume.', { items: refs('core.v1.DownwardAPIVolumeFile', 'The files.', { 'x-kubernetes-list-type': 'atomic' }) }),
  [c('ServiceAccountTokenProjection')]: obj(
    'A service account token in a projected volume.',
    {
      audience: str('The intended audience of the token.'),
      expirationSeconds: { type: 'integer', format: 'int64', description: 'Requested lifetime of the token. Default one hour.' },
      path: str('The file the token is written to.'),
    },
    ['path'],
  ),
};

for (const [def, description] of Object.values(opaqueSources)) volumeDefinitions[c(def)] = opaque(description);

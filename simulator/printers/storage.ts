// Columns for storage: claims, volumes and storage classes.
import type { KubeObject } from '../machinery/types.ts';
import { age } from './duration.ts';
import { ageColumn, column, nameColumn, type KindPrinter } from './table.ts';

const ACCESS_MODES: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** `RWO,RWX` in a fixed order, whatever order the spec lists them in. */
export function accessModesText(modes: string[] | undefined): string {
  const set = new Set(modes ?? []);
  return ACCESS_MODES.filter(([mode]) => set.has(mode)).map(([, short]) => short).join(',');
}

const CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

interface ClaimOrVolume extends KubeObject {
  spec?: {
    storageClassName?: string;
    volumeName?: string;
    volumeMode?: string;
    volumeAttributesClassName?: string;
    accessModes?: string[];
    capacity?: Record<string, string>;
    persistentVolumeReclaimPolicy?: string;
    claimRef?: { namespace?: string; name?: string };
  };
  status?: { phase?: string; reason?: string; accessModes?: string[]; capacity?: Record<string, string> };
}

/** The storage class, the old beta annotation winning over the field. */
export function storageClassOf(obj: ClaimOrVolume): string {
  return obj.metadata.annotations?.[CLASS_ANNOTATION] ?? obj.spec?.storageClassName ?? '';
}

export const persistentVolumeClaimPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Status', 'Pending, Bound or Lost.'),
    column('Volume', 'The volume bound to the claim.'),
    column('Capacity', 'The bound volume’s size.'),
    column('Access Modes', 'How the bound volume may be mounted.'),
    column('StorageClass', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pvc'),
    ageColumn(),
    column('VolumeMode', 'Filesystem or Block.', { priority: 1 }),
  ],
  row(obj, now) {
    const pvc = obj as ClaimOrVolume;
    const bound = Boolean(pvc.spec?.volumeName);
    return {
      cells: [
        pvc.metadata.name ?? '',
        pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
        pvc.spec?.volumeName ?? '',
        bound ? (pvc.status?.capacity?.storage ?? '0') : '',
        bound ? accessModesText(pvc.status?.accessModes) : '',
        storageClassOf(pvc),
        pvc.spec?.volumeAttributesClassName ?? '<unset>',
        age(pvc.metadata.creationTimestamp, now),
        pvc.spec?.volumeMode ?? '<unset>',
      ],
    };
  },
};

export const persistentVolumePrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Capacity', 'The volume’s size.'),
    column('Access Modes', 'How the volume may be mounted.'),
    column('Reclaim Policy', 'What happens to the volume when its claim goes away.'),
    column('Status', 'Available, Bound, Released or Failed.'),
    column('Claim', 'The claim bound to the volume.'),
    column('StorageClass', 'StorageClass of the pv'),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pv'),
    column('Reason', 'Why the volume is in its state.'),
    ageColumn(),
    column('VolumeMode', 'Filesystem or Block.', { priority: 1 }),
  ],
  row(obj, now) {
    const pv = obj as ClaimOrVolume;
    const ref = pv.spec?.claimRef;
    return {
      cells: [
        pv.metadata.name ?? '',
        pv.spec?.capacity?.storage ?? '0',
        accessModesText(pv.spec?.accessModes),
        pv.spec?.persistentVolumeReclaimPolicy ?? '',
        pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
        ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '',
        storageClassOf(pv),
        pv.spec?.volumeAttributesClassName ?? '<unset>',
        pv.status?.reason ?? '',
        age(pv.metadata.creationTimestamp, now),
        pv.spec?.volumeMode ?? '<unset>',
      ],
    };
  },
};

function isDefaultClass(obj: KubeObject): boolean {
  const a = obj.metadata.annotations ?? {};
  return (
    a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  );
}

export const storageClassPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Provisioner', 'The volume plugin that provisions volumes of this class.'),
    column('ReclaimPolicy', 'What happens to provisioned volumes when released.'),
    column('VolumeBindingMode', 'When volumes are bound: Immediate or WaitForFirstConsumer.'),
    column('AllowVolumeExpansion', 'Whether claims of this class may grow.'),
    ageColumn(),
  ],
  row(obj, now) {
    const sc = obj as KubeObject & { provisioner?: string; reclaimPolicy?: string; volumeBindingMode?: string; allowVolumeExpansion?: boolean };
    return {
      cells: [
        isDefaultClass(sc) ? `${sc.metadata.name ?? ''} (default)` : (sc.metadata.name ?? ''),
        sc.provisioner ?? '',
        sc.reclaimPolicy ?? 'Delete',
        sc.volumeBindingMode ?? 'Immediate',
        sc.allowVolumeExpansion ?? false,
        age(sc.metadata.creationTimestamp, now),
      ],
    };
  },
};

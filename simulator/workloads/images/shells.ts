// busybox, alpine, ubuntu, debian: images that run whatever command the pod gives them. Their
// default command is a shell, which exits at once without a terminal (so a bare `kubectl run
// --image=busybox` completes and, under restartPolicy Always, crash-loops — as on a real cluster).
import type { ImageModel } from '../image-registry.ts';
import { scriptProcess } from '../script-process.ts';

function shellImage(shell: string, sizeBytes: number, tags: ImageModel['tags'], binaries?: string[]): ImageModel {
  return {
    tags,
    sizeBytes,
    behaviour: { start: (input) => scriptProcess(input, { entrypoint: [], cmd: [shell], binaries }) },
  };
}

const gnuBinaries = ['sh', 'bash', 'dash', 'sleep', 'echo', 'printf', 'cat', 'true', 'false', 'env', 'printenv', 'date', 'touch', 'rm', 'ls', 'tail', 'test', '[', 'seq', 'hostname', 'mkdir'];

export const busyboxImage = shellImage('sh', 2_167_176, (tag) => /^(latest|stable|musl|glibc|uclibc|1(\.\d{1,2}){1,2}(-(musl|glibc|uclibc))?)$/.test(tag));
// The docs' examples use registry.k8s.io/busybox (an old 1.27-era busybox).
export const k8sBusyboxImage = shellImage('sh', 1_144_547, ['latest', '1.27.2', '1.24']);
export const alpineImage = shellImage('/bin/sh', 3_653_068, (tag) => /^(latest|edge|3(\.\d{1,2}){0,2})$/.test(tag));
export const ubuntuImage = shellImage('/bin/bash', 29_754_422, (tag) => /^(latest|rolling|jammy|noble|focal|2[0-4]\.04)$/.test(tag), gnuBinaries);
export const debianImage = shellImage('bash', 48_494_272, (tag) => /^(latest|stable|bookworm|bullseye|bookworm-slim|bullseye-slim|1[0-2](-slim)?)$/.test(tag), gnuBinaries);

// kubectl explain needs the OpenAPI definitions the API-server work is building; until then it
// says so plainly instead of guessing field documentation.
import type { KubectlCommand } from './command.ts';
import { KubectlError } from './errors.ts';

export const explain: KubectlCommand = {
  name: 'explain',
  group: 'Basic Commands (Intermediate)',
  short: 'Show the documentation of a resource and its fields',
  long: 'Show the documentation of a resource and its fields, e.g. kubectl explain deployment.spec.replicas.',
  use: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [flags]',
  flags: [
    { name: 'recursive', type: 'bool', usage: 'Show all the fields below the one asked about.' },
    { name: 'api-version', type: 'string', usage: 'Use this API version (group/version) of the resource.' },
  ],
  run() {
    throw new KubectlError('explain is not available yet in the in-browser terminal');
  },
};

// --from-literal, --from-file and --from-env-file, read the way `kubectl create configmap` and
// `kubectl create secret generic` read them, with upstream's key rules and messages.
import type { Invocation } from './command.ts';
import { KubectlError } from './errors.ts';

const keyPattern = /^[-._a-zA-Z0-9]+$/;

export function keyProblems(key: string): string[] {
  const problems: string[] = [];
  if (key.length > 253) problems.push('must be no more than 253 characters');
  if (!keyPattern.test(key)) {
    problems.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  }
  if (key === '.') problems.push("must not be '.'");
  else if (key === '..') problems.push("must not be '..'");
  else if (key.startsWith('..')) problems.push("must not start with '..'");
  return problems;
}

/** Every key and value, in the order given, from the three kinds of sources. */
export function readDataSources(inv: Invocation): { key: string; value: string }[] {
  const f = inv.flags;
  const out: { key: string; value: string }[] = [];
  const envFiles = f.list('from-env-file');
  if (envFiles.length && (f.list('from-file').length || f.list('from-literal').length)) {
    throw new KubectlError('from-env-file cannot be combined with from-file or from-literal');
  }
  const fs = inv.shell.fs;
  for (const source of f.list('from-file')) {
    const eq = source.indexOf('=');
    let key = '';
    let file = source;
    if (eq >= 0) {
      key = source.slice(0, eq);
      file = source.slice(eq + 1);
      if (key === '') throw new KubectlError(`key name for file path ${file} missing`);
      if (file === '') throw new KubectlError(`file path for key name ${key} missing`);
    }
    const path = inv.shell.resolve(file);
    if (!fs.exists(path)) throw new KubectlError(`error reading ${file}: no such file or directory`);
    if (fs.isDirectory(path)) {
      if (eq >= 0) throw new KubectlError('cannot give a key name for a directory path');
      for (const entry of [...fs.readdir(path)].sort()) {
        if (fs.isFile(`${path}/${entry}`)) out.push({ key: entry, value: fs.readFile(`${path}/${entry}`) });
      }
      continue;
    }
    out.push({ key: key || file.split('/').pop()!, value: fs.readFile(path) });
  }
  for (const source of f.list('from-literal')) {
    const eq = source.indexOf('=');
    if (eq < 0) throw new KubectlError(`invalid literal source ${source}, expected key=value`);
    out.push({ key: source.slice(0, eq), value: source.slice(eq + 1) });
  }
  for (const file of envFiles) {
    const path = inv.shell.resolve(file);
    if (!fs.exists(path)) throw new KubectlError(`error reading ${file}: no such file or directory`);
    if (fs.isDirectory(path)) throw new KubectlError('env config file cannot be a directory');
    fs.readFile(path)
      .replace(/^\ufeff/, '')
      .split('\n')
      .forEach((raw, i) => {
        const line = raw.replace(/\r$/, '').trimStart();
        if (line === '' || line.startsWith('#')) return;
        const eq = line.indexOf('=');
        const key = eq < 0 ? line : line.slice(0, eq);
        if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) {
          throw new KubectlError(`${JSON.stringify(key)} is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`);
        }
        void i;
        if (eq >= 0) out.push({ key, value: line.slice(eq + 1) });
        else if (inv.shell.env[key] !== undefined) out.push({ key, value: inv.shell.env[key]! });
      });
  }
  return out;
}

/** Adds pairs to a data map with upstream's checks; `what` is "ConfigMap" or "Secret". */
export function addData(data: Record<string, string>, pairs: { key: string; value: string }[], what: string, name: string, encode: (v: string) => string): void {
  for (const { key, value } of pairs) {
    const problems = keyProblems(key);
    if (problems.length) throw new KubectlError(`${JSON.stringify(key)} is not a valid key name for a ${what}: ${problems.join(',')}`);
    if (key in data) throw new KubectlError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ${what} ${JSON.stringify(name)}`);
    data[key] = encode(value);
  }
}

/** Standard base64 of the UTF-8 bytes, as a Secret's data holds them. */
export function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

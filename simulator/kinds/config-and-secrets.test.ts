import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../machinery/types.ts';
import { base64Error, decodeBase64Text, encodeBase64 } from './base64.ts';
import { create, update } from './test-kit.ts';

function secret(fields: Record<string, unknown>, name = 'creds'): KubeObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default' }, ...fields };
}
function configMap(fields: Record<string, unknown>, name = 'settings'): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, ...fields };
}

describe('base64 as Go decodes it', () => {
  it.each([
    ['aGVsbG8=', undefined],
    ['aGVsbG8', 'illegal base64 data at input byte 4'],
    ['hello world', 'illegal base64 data at input byte 5'],
    ['admin', 'illegal base64 data at input byte 4'],
    ['YWRt\naW4=', undefined],
    ['=abc', 'illegal base64 data at input byte 0'],
    ['', undefined],
  ])('%j', (input, error) => {
    expect(base64Error(input)).toBe(error);
  });

  it('round-trips UTF-8', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'pässwörd', 'line\nbreak']) expect(decodeBase64Text(encodeBase64(text))).toBe(text);
    expect(encodeBase64('admin')).toBe('YWRtaW4=');
  });
});

describe('Secret', () => {
  it('data that is not base64 is a decode error', () => {
    expect(create(secret({ data: { password: 'hunter2!' } })).decodeError).toBe('illegal base64 data at input byte 7');
  });

  it('stringData is merged into data and type defaults to Opaque', () => {
    const r = create(secret({ data: { user: 'YWRtaW4=' }, stringData: { password: 's3cret', user: 'root' } }));
    expect(r.errors).toEqual([]);
    expect(r.obj.type).toBe('Opaque');
    expect(r.obj.data).toEqual({ user: encodeBase64('root'), password: encodeBase64('s3cret') });
    expect(r.obj.stringData).toBeUndefined();
  });

  it('a TLS Secret needs both keys', () => {
    expect(create(secret({ type: 'kubernetes.io/tls', data: { 'tls.crt': 'Y2VydA==' } })).messages).toEqual(['data[tls.key]: Required value']);
  });

  it('a bad key', () => {
    expect(create(secret({ data: { 'my key': 'YQ==' } })).messages).toEqual([
      "data[my key]: Invalid value: \"my key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });

  it('type may not change; immutable Secrets keep their data', () => {
    const stored = create(secret({ immutable: true, data: { a: 'YQ==' } })).obj;
    const next = structuredClone(stored);
    next.type = 'kubernetes.io/basic-auth';
    next.data = { a: 'Yg==' };
    expect(update(next, stored).messages).toEqual([
      'type: Invalid value: "kubernetes.io/basic-auth": field is immutable',
      'data: Forbidden: field is immutable when `immutable` is set',
      'data[username]: Required value',
      'data[password]: Required value',
    ]);
  });
});

describe('ConfigMap', () => {
  it('keys must be valid and not shared with binaryData', () => {
    const r = create(configMap({ data: { 'game.properties': 'x', '../etc': 'y', both: 'z' }, binaryData: { both: 'AAE=' } }));
    expect(r.messages).toEqual([
      "data[../etc]: Invalid value: \"../etc\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      "data[../etc]: Invalid value: \"../etc\": must not start with '..'",
      'data[both]: Invalid value: "both": duplicate of key present in binaryData',
      'binaryData[both]: Invalid value: "both": duplicate of key present in data',
    ]);
  });

  it('more than 1 MiB in total', () => {
    const r = create(configMap({ data: { big: 'x'.repeat(1024 * 1024 + 1) } }));
    expect(r.messages).toEqual([': Too long: must have at most 1048576 bytes']);
  });
});

describe('Namespace', () => {
  it('defaults as a real API server does', () => {
    const r = create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    expect(r.errors).toEqual([]);
    delete r.obj.metadata.uid;
    expect(r.obj).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });

  it('names are DNS labels', () => {
    expect(create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'my.shop' } }).messages).toEqual([
      'metadata.name: Invalid value: "my.shop": must not contain dots',
    ]);
  });
});

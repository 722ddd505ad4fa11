import { describe, expect, it } from 'vitest';
import { toYaml } from './output-yaml.ts';
import { toJson } from './output-json.ts';

describe('toYaml (go-yaml v2 as kubectl uses it)', () => {
  it('sorts keys and puts list items at their key\'s indentation', () => {
    expect(toYaml({ spec: { containers: [{ name: 'a', image: 'nginx', ports: [{ containerPort: 80 }] }] }, kind: 'Pod', apiVersion: 'v1' })).toBe(
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - image: nginx\n    name: a\n    ports:\n    - containerPort: 80\n',
    );
  });

  it('quotes strings that would read back as something else', () => {
    const out = toYaml({ a: '2', b: 'true', c: '', d: 'yes', e: '2025-01-01T00:00:00Z', f: '1.26', g: 'nginx:1.26', h: '0x1F', i: 'null', j: '~', k: '1:20', l: 'plain text', m: '80:80' });
    expect(out).toBe('a: "2"\nb: "true"\nc: ""\nd: "yes"\ne: "2025-01-01T00:00:00Z"\nf: "1.26"\ng: nginx:1.26\nh: "0x1F"\ni: "null"\nj: "~"\nk: "1:20"\nl: plain text\nm: 80:80\n');
  });

  it('single-quotes indicators, double-quotes control characters', () => {
    expect(toYaml({ a: '*', b: '- x', c: 'a: b', d: 'tab\there', e: ' lead', f: '#x', g: 'a #b' })).toBe(
      "a: '*'\nb: '- x'\nc: 'a: b'\nd: \"tab\\there\"\ne: ' lead'\nf: '#x'\ng: 'a #b'\n",
    );
  });

  it('writes multi-line strings as literal blocks with the right chomping', () => {
    expect(toYaml({ a: '{"x":1}\n', b: 'one\ntwo', c: 'x\n\n' })).toBe('a: |\n  {"x":1}\nb: |-\n  one\n  two\nc: |+\n  x\n\n');
  });

  it('folds by where a string lands each time, though its quoting style is remembered', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
    const out = toYaml({ a: `'${text}`, deep: { deeper: { deepest: { x: `'${text}` } } }, keysInOrder: { b10: 1, a2: 2, a10: 3 } });
    expect(out).toBe(
      `a: '''${text}'\n` +
        `deep:\n  deeper:\n    deepest:\n      x: '''one two three four five six seven eight nine ten eleven twelve thirteen\n        fourteen'\n` +
        'keysInOrder:\n  a2: 2\n  a10: 3\n  b10: 1\n',
    );
  });

  it('folds long strings after column 80 like go-yaml', () => {
    const message = 'Back-off pulling image "nginx:doesnotexist": ErrImagePull: failed to pull and unpack image "docker.io/library/nginx:doesnotexist"';
    expect(toYaml({ status: { message } })).toBe(
      'status:\n  message: \'Back-off pulling image "nginx:doesnotexist": ErrImagePull: failed to pull\n    and unpack image "docker.io/library/nginx:doesnotexist"\'\n',
    );
  });

  it('prints empty collections, nulls and numbers as Go does', () => {
    expect(toYaml({ a: {}, b: [], c: null, d: 1.5, e: 3, f: false })).toBe('a: {}\nb: []\nc: null\nd: 1.5\ne: 3\nf: false\n');
    expect(toYaml({ items: [{}, []] })).toBe('items:\n- {}\n- []\n');
  });

  it('orders keys like go-yaml: digits by value, punctuation before letters', () => {
    expect(Object.keys(JSON.parse(JSON.stringify({}))).length).toBe(0);
    expect(toYaml({ a10: 1, a2: 2, 'a-b': 3, ab: 4 })).toBe('a-b: 3\na2: 2\na10: 1\nab: 4\n');
  });
});

describe('toJson (encoding/json as kubectl uses it)', () => {
  it('indents four spaces, sorts keys and escapes HTML characters', () => {
    expect(toJson({ b: [1, { d: '<x>&' }], a: {} })).toBe('{\n    "a": {},\n    "b": [\n        1,\n        {\n            "d": "\\u003cx\\u003e\\u0026"\n        }\n    ]\n}\n');
  });
  it('keeps struct order for objects kubectl built itself', () => {
    expect(toJson({ kind: 'Pod', apiVersion: 'v1' }, { sortKeys: false })).toBe('{\n    "kind": "Pod",\n    "apiVersion": "v1"\n}\n');
  });
});

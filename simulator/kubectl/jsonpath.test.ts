import { describe, expect, it } from 'vitest';
import { executeJsonPath, findJsonPathValues, parseJsonPath, relaxedJsonPath } from './jsonpath.ts';

const list = {
  kind: 'List',
  items: [
    { metadata: { name: 'web', labels: { app: 'web', 'app.kubernetes.io/name': 'shop' } }, status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }], restarts: 2 } },
    { metadata: { name: 'db', labels: { app: 'db' } }, status: { conditions: [{ type: 'Ready', status: 'False' }], restarts: 0 } },
  ],
};
const run = (template: string, data: unknown = list) => executeJsonPath(parseJsonPath(template), data);

describe('JSONPath (client-go)', () => {
  it('prints several results separated by spaces', () => {
    expect(run('{.items[*].metadata.name}')).toBe('web db');
  });
  it('ranges with literal text', () => {
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.status.restarts}{"\\n"}{end}')).toBe('web\t2\ndb\t0\n');
  });
  it('filters list elements', () => {
    expect(run('{.items[0].status.conditions[?(@.type=="Ready")].status}')).toBe('True');
    expect(run('{.items[?(@.status.restarts>1)].metadata.name}')).toBe('web');
    expect(run('{.items[?(@.metadata.labels.app!="web")].metadata.name}')).toBe('db');
  });
  it('indexes, slices and counts from the end', () => {
    expect(run('{.items[-1].metadata.name}')).toBe('db');
    expect(run('{.items[0:1].metadata.name}')).toBe('web');
  });
  it('reads keys with dots through brackets', () => {
    expect(run("{.items[0].metadata.labels['app.kubernetes.io/name']}")).toBe('shop');
  });
  it('reads keys with escaped dots and a slash after a dot, as client-go does', () => {
    const pod = { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:00Z' } } };
    expect(run('{.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}', pod)).toBe('2025-01-01T00:00:00Z');
    expect(run('{.items[0].metadata.labels.app\\.kubernetes\\.io/name}')).toBe('shop');
    expect(findJsonPathValues(parseJsonPath(relaxedJsonPath('.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt')), pod)).toEqual(['2025-01-01T00:00:00Z']);
  });
  it('descends recursively', () => {
    expect(run('{..name}')).toBe('web db');
  });
  it('prints maps and lists as JSON and missing fields as nothing', () => {
    expect(run('{.items[1].metadata.labels}')).toBe('{"app":"db"}');
    expect(run('{.items[0].nope}')).toBe('');
    expect(run('name: {.items[0].metadata.name}')).toBe('name: web');
  });
  it('reports out-of-range indexes', () => {
    expect(() => run('{.items[5]}')).toThrow('array index out of bounds: index 5, length 2');
  });
  it('rejects broken templates', () => {
    expect(() => parseJsonPath('{.items[*')).toThrow('unclosed action');
  });
  it('relaxes paths for --sort-by and custom-columns', () => {
    expect(relaxedJsonPath('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('metadata.name')).toBe('{.metadata.name}');
    expect(findJsonPathValues(parseJsonPath(relaxedJsonPath('{.status.restarts}')), list.items[0])).toEqual([2]);
  });
});

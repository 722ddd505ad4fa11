import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.ts';
import { parseFieldSelector } from './field-selectors.ts';
import { formatLabelSelector, parseLabelSelector, selectorFromLabelSelector } from './selectors.ts';
import { pod } from './test-kit.ts';

function parseError(text: string): string {
  try {
    parseLabelSelector(text);
  } catch (e) {
    if (e instanceof ApiError) {
      expect(e.status.code).toBe(400);
      return e.message;
    }
    throw e;
  }
  throw new Error(`parsed: ${text}`);
}

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'front', version: '3' };
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app!=db', true],
    ['app in (web,db)', true],
    ['app notin (web,db)', false],
    ['tier', true],
    ['!tier', false],
    ['!canary', true],
    ['missing!=x', true],
    ['app=web,tier in (front),!canary', true],
    ['app=web,tier=back', false],
    ['version>2', true],
    ['version<2', false],
    ['', true],
  ])('%s → %s', (text, expected) => {
    expect(parseLabelSelector(text).matches(labels)).toBe(expected);
  });

  it('reads in and notin as values in value position, and empty values', () => {
    expect(parseLabelSelector('x in (in,notin)').matches({ x: 'notin' })).toBe(true);
    expect(parseLabelSelector('x=').matches({ x: '' })).toBe(true);
    expect(parseLabelSelector('x in (a,,b)').requirements[0]!.values).toEqual(['', 'a', 'b']);
  });

  it('prints in canonical sorted form', () => {
    expect(parseLabelSelector('tier in (b,a),app=web').toString()).toBe('app=web,tier in (a,b)');
  });

  it('rejects bad syntax with upstream messages', () => {
    expect(parseError('app=web,')).toBe("found '', expected: identifier after ','");
    expect(parseError('app in web')).toBe("unable to parse requirement: found 'web' expected: '('");
    expect(parseError('app in (a b)')).toBe("unable to parse requirement: found 'b', expected: ',' or ')'");
    expect(parseError('!a=b')).toBe("found '=', expected: ',' or 'end of string'");
    expect(parseError('a b')).toBe("unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt");
    expect(parseError('a=b c')).toBe("found 'c', expected: ',' or 'end of string'");
    expect(parseError('a=(b)')).toMatch(/^unable to parse requirement: found '\(', expected: identifier$/);
    expect(parseError('bad key!=x')).toBe("unable to parse requirement: found 'key', expected: in, notin, =, ==, !=, gt, lt");
    expect(parseError('a=b/c')).toMatch(/^unable to parse requirement: \[a\]: Invalid value: "b\/c": a valid label must be an empty string/);
    expect(parseError('-a=b')).toMatch(/^unable to parse requirement: <nil>: Invalid value: "-a": name part must consist of alphanumeric characters/);
  });

  it('LabelSelector objects: matchLabels and matchExpressions; null selects nothing, {} everything', () => {
    const s = selectorFromLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }, { key: 'canary', operator: 'DoesNotExist' }] });
    expect(s.matches({ app: 'web', tier: 'front' })).toBe(true);
    expect(s.matches({ app: 'web', tier: 'front', canary: 'y' })).toBe(false);
    expect(selectorFromLabelSelector(null).matches({})).toBe(false);
    expect(selectorFromLabelSelector({}).matches({ any: 'x' })).toBe(true);
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
    expect(() => selectorFromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Near' as never }] })).toThrow('"Near" is not a valid label selector operator');
  });
});

describe('field selectors', () => {
  const p = pod('web', { spec: { nodeName: 'n1', containers: [] }, status: { phase: 'Running' } });
  it('matches the fields a kind supports', () => {
    expect(parseFieldSelector('metadata.name=web', 'Pod').matches(p)).toBe(true);
    expect(parseFieldSelector('spec.nodeName=n1,status.phase!=Pending', 'Pod').matches(p)).toBe(true);
    expect(parseFieldSelector('status.phase==Pending', 'Pod').matches(p)).toBe(false);
    expect(parseFieldSelector('metadata.namespace=default', 'ConfigMap').matches(p)).toBe(true);
    expect(parseFieldSelector('spec.unschedulable=false', 'Node').matches({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' } })).toBe(true);
    expect(parseFieldSelector('involvedObject.name=web,type=Warning', 'Event').matches({ apiVersion: 'v1', kind: 'Event', metadata: {}, involvedObject: { name: 'web' }, type: 'Warning' })).toBe(true);
  });
  it('refuses unsupported labels and bad syntax with 400s', () => {
    expect(() => parseFieldSelector('spec.nodeName=x', 'ConfigMap')).toThrow('field label not supported: spec.nodeName');
    expect(() => parseFieldSelector('foo', 'Pod')).toThrow("invalid selector: 'foo'; can't understand 'foo'");
  });
});

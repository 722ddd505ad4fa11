import { describe, expect, it } from 'vitest';
import { alreadyExists, conflict, forbidden, invalid, methodNotSupported, namespaceTerminating, notFound, resourceExpired, unsupportedMediaType } from './errors.ts';

describe('API errors carry upstream wording', () => {
  it('NotFound names the resource, qualified by group', () => {
    expect(notFound({ group: '', resource: 'pods' }, 'x').status).toMatchObject({ code: 404, reason: 'NotFound', message: 'pods "x" not found', details: { name: 'x', group: '', kind: 'pods' } });
    expect(notFound({ group: 'apps', resource: 'deployments' }, 'x').message).toBe('deployments.apps "x" not found');
  });

  it('AlreadyExists and Conflict are 409s', () => {
    expect(alreadyExists({ group: '', resource: 'pods' }, 'x').status).toMatchObject({ code: 409, reason: 'AlreadyExists', message: 'pods "x" already exists' });
    expect(conflict({ group: 'apps', resource: 'deployments' }, 'web').message).toBe(
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('Invalid prints one error inline and several as a list, with causes', () => {
    const one = invalid('apps', 'Deployment', 'web', [{ type: 'FieldValueRequired', field: 'spec.selector' }]);
    expect(one.status).toMatchObject({ code: 422, reason: 'Invalid', message: 'Deployment.apps "web" is invalid: spec.selector: Required value' });
    expect(one.status.details).toEqual({ name: 'web', group: 'apps', kind: 'Deployment', causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' }] });
    const two = invalid('', 'Pod', 'p', [
      { type: 'FieldValueRequired', field: 'spec.containers[0].image' },
      { type: 'FieldValueInvalid', field: 'spec.replicas', badValue: -1, detail: 'must be greater than or equal to 0' },
      { type: 'FieldValueRequired', field: 'spec.containers[0].image' },
    ]);
    expect(two.message).toBe('Pod "p" is invalid: [spec.containers[0].image: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]');
    expect(two.status.details?.causes).toHaveLength(2);
    const unsupported = invalid('', 'Pod', 'p', [{ type: 'FieldValueNotSupported', field: 'spec.restartPolicy', badValue: 'Sometimes', detail: 'supported values: "Always", "Never"' }]);
    expect(unsupported.message).toBe('Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never"');
  });

  it('Forbidden for a terminating namespace', () => {
    const e = namespaceTerminating({ group: '', resource: 'pods' }, 'x', 'shop');
    expect(e.status).toMatchObject({ code: 403, reason: 'Forbidden', message: 'pods "x" is forbidden: unable to create new content in namespace shop because it is being terminated' });
    expect(e.status.details?.causes).toEqual([{ reason: 'NamespaceTerminating', message: 'namespace shop is being terminated', field: 'metadata.namespace' }]);
    expect(forbidden({ group: '', resource: 'namespaces' }, 'default', 'this namespace may not be deleted').message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });

  it('Expired, MethodNotAllowed and UnsupportedMediaType', () => {
    expect(resourceExpired(1, 5).status).toMatchObject({ code: 410, reason: 'Expired', message: 'too old resource version: 1 (5)' });
    expect(methodNotSupported({ group: '', resource: 'namespaces' }, 'deletecollection').status).toMatchObject({
      code: 405,
      reason: 'MethodNotAllowed',
      message: 'deletecollection is not supported on resources of kind "namespaces"',
    });
    expect(unsupportedMediaType().status.code).toBe(415);
    expect(unsupportedMediaType().message).toMatch(/^the body of the request was in an unknown format - accepted media types include: application\/json, /);
  });
});

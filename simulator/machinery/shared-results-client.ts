// The API as the controllers use it: every verb of the in-process API server, but results are the
// stored objects themselves (frozen) rather than copies. That is the contract client-go code keeps
// with a lister's objects: read them, share them, copy before changing anything. It saves a deep
// copy on every call a controller makes; kubectl, graders and the HTTP server keep getting copies.
import { shareResult, type ApiServer } from './api-server.ts';
import type { ApiClient } from './types.ts';

export function sharedResultsClient(api: ApiServer): ApiClient {
  const share = { [shareResult]: true } as const;
  return {
    create: (ref, obj, opts) => api.create(ref, obj, { ...opts, ...share }),
    get: (ref, namespace, name, opts) => api.get(ref, namespace, name, { ...opts, ...share }),
    list: (ref, opts) => api.list(ref, { ...opts, ...share }),
    update: (ref, obj, opts) => api.update(ref, obj, { ...opts, ...share }),
    updateStatus: (ref, obj, opts) => api.updateStatus(ref, obj, { ...opts, ...share }),
    patch: (ref, namespace, name, type, body, opts) => api.patch(ref, namespace, name, type, body, { ...opts, ...share }),
    delete: (ref, namespace, name, opts) => api.delete(ref, namespace, name, { ...opts, ...share }),
    watch: (ref, opts, onEvent) => api.watch(ref, opts, onEvent),
  };
}

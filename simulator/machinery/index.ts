// The API machinery's public surface: the API server (an ApiClient over an in-memory store),
// errors, selectors, the registry of served kinds, patches, virtual time and seeded randomness.
export { ApiServer, type ApiServerOptions, type StrategyLookup } from './api-server.ts';
export * from './errors.ts';
export * from './resources.ts';
export { parseLabelSelector, selectorFromLabelSelector, selectorFromSet, formatLabelSelector, everything, nothing } from './selectors.ts';
export type { Selector, Requirement, LabelSelector, LabelSelectorRequirement } from './selectors.ts';
export { parseFieldSelector, supportedFieldLabels } from './field-selectors.ts';
export { VirtualClock, rfc3339, rfc3339Micro, toEpochMs } from './clock.ts';
export { SeededRandom, nameAlphabet } from './random.ts';
export { generateName, newUid, randomHex } from './names.ts';
export { cloneJson, deepEqual } from './json.ts';
export type { Change, ObjectAddress } from './object-store.ts';
export type * from './types.ts';

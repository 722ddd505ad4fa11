// kubectl annotate (shared with label in label-annotate.ts).
export { annotate } from './label-annotate.ts';

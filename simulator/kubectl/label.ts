// kubectl label (shared with annotate in label-annotate.ts).
export { label } from './label-annotate.ts';

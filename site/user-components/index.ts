// The authoring kit: everything a chapter's MDX may import. Documented in site/AUTHORING.md.
export { default as InProduction } from './InProduction.astro';
export { default as Question } from './Question.astro';
export { default as QuickReference } from './QuickReference.astro';
export { default as ChapterLink } from './ChapterLink.astro';
export { default as CourseMap } from './CourseMap.astro';
export { default as Lab } from './Lab.astro';

// Chapters live in ./content at the repository root (one MDX file each), not in Starlight's
// default folder, so Astro's glob loader reads them with Starlight's schema plus ours.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { chapterFields } from './chapter-schema.ts';

export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: ['**/*.{md,mdx}', '!**/_*'], base: './content' }),
    schema: docsSchema({ extend: chapterFields }),
  }),
};

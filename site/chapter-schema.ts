// The frontmatter every chapter carries on top of Starlight's: what the header shows.
import { z } from 'astro/zod';

export const chapterFields = z.object({
  chapter: z.number().int().positive().optional(),
  part: z.string().optional(),
  minutes: z.number().int().positive().optional(),
  handsOn: z.boolean().default(false),
  prerequisites: z.array(z.string()).default([]),
  outcomes: z.array(z.string()).default([]),
  lab: z.string().optional(),
});

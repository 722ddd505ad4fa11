// Every chapter keeps the spine of curriculum.md, so a learner always knows where they are.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COURSE } from '../site/course-map.ts';

const CONTENT = new URL('./', import.meta.url).pathname;
const SPINE = [
  'Why this exists',
  'Mental model',
  'Under the hood',
  'Quick reference',
  'Test your understanding',
  'Further reading',
];

const planned = COURSE.flatMap((part) => part.chapters.map((chapter) => ({ ...chapter, part: part.name })));
const chapterFiles = readdirSync(CONTENT).filter((name) => /^\d\d-.*\.mdx$/.test(name));

function read(file: string) {
  const text = readFileSync(CONTENT + file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file} has no frontmatter`);
  return { data: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
}

describe('chapters', () => {
  it('there is at least one chapter, and every chapter file is on the course map', () => {
    expect(chapterFiles.length).toBeGreaterThan(0);
    for (const file of chapterFiles) {
      expect(planned.map((c) => `${c.slug}.mdx`), `${file} is missing from site/course-map.ts`).toContain(file);
    }
  });

  for (const file of chapterFiles) {
    describe(file, () => {
      const { data, body } = read(file);
      const entry = planned.find((c) => `${c.slug}.mdx` === file)!;

      it('has the header fields, matching the course map', () => {
        expect(data.title).toBe(entry.title);
        expect(data.chapter).toBe(entry.number);
        expect(data.part).toBe(entry.part);
        expect(data.minutes).toBeTypeOf('number');
        expect(data.handsOn).toBe(Boolean(entry.lab));
        expect(data.lab).toBe(entry.lab);
        expect(Array.isArray(data.outcomes) && data.outcomes.length >= 3).toBe(true);
      });

      it('follows the chapter spine, in order', () => {
        const headings = [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
        const positions = SPINE.map((section) => headings.findIndex((h) => h.startsWith(section)));
        for (const [i, section] of SPINE.entries()) expect(positions[i], `missing "## ${section}"`).toBeGreaterThanOrEqual(0);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      });

      it('has a diagram, "In production" notes and 3 to 5 questions with answers', () => {
        expect(body).toMatch(/```mermaid\n/);
        expect(body).toContain('<InProduction');
        const questions = body.match(/<Question /g) ?? [];
        expect(questions.length).toBeGreaterThanOrEqual(3);
        expect(questions.length).toBeLessThanOrEqual(5);
      });
    });
  }
});

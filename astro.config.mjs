// @ts-check
import { existsSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import { wheelhouseBridge } from './site/bridge/integration.ts';
import { remarkMermaid } from './site/markdown/remark-mermaid.ts';
import { COURSE, GUIDES } from './site/course-map.ts';

// The sidebar shows the course by part, listing the chapters that have been written.
/** @param {string} slug */
const written = (slug) => ['mdx', 'md'].some((ext) => existsSync(`./content/${slug}.${ext}`));
const sidebar = [
  ...COURSE.map((part) => ({
    label: part.name,
    items: part.chapters
      .filter((chapter) => written(chapter.slug))
      .map((chapter) => ({ label: `${String(chapter.number).padStart(2, '0')} ${chapter.title}`, slug: chapter.slug })),
  })).filter((group) => group.items.length > 0),
  { label: 'Guides', items: GUIDES.filter((g) => written(g.slug)).map((g) => ({ label: g.title, slug: g.slug })) },
];

export default defineConfig({
  srcDir: './site',
  site: 'https://wheelhouse.example',
  server: { host: '127.0.0.1', port: 4321 },
  markdown: { remarkPlugins: [remarkMermaid] },
  // The lab worker imports lazily (its own chunks), which needs module workers.
  vite: { worker: { format: 'es' } },
  integrations: [
    starlight({
      title: 'Wheelhouse',
      description: 'An interactive Kubernetes course: read, type kubectl in the page, get your labs graded.',
      sidebar,
      markdown: { processedDirs: ['./content/', './labs/'] },
      customCss: ['./site/styles/course.css'],
      components: {
        PageTitle: './site/components/ChapterTitle.astro',
        Search: './site/components/SearchOnDemand.astro',
      },
      lastUpdated: false,
    }),
    // The lab island (site/lab/).
    preact(),
    // `npm start` only: the local shell bridge for "My cluster" (does nothing in `astro build`).
    wheelhouseBridge(),
  ],
});

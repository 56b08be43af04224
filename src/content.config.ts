/**
 * The four collections of a Triangulate content root (`TRIANGULATE_CONTENT`, default `./content`),
 * typed by the one schema in src/schema.ts. Entry ids are file stems, unchanged.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { markdownData } from './loaders/markdown-data.ts';
import { claimSchema, pillarSchema, siteSchema, sourceSchema } from './schema.ts';

const root = (process.env['TRIANGULATE_CONTENT'] || './content').replace(/\/+$/, '');
const stem = ({ entry }: { entry: string }) => entry.replace(/\.md$/, '');

export const collections = {
  site: defineCollection({ loader: glob({ pattern: 'site.md', base: root, generateId: stem }), schema: siteSchema }),
  pillars: defineCollection({ loader: glob({ pattern: '*.md', base: `${root}/pillars`, generateId: stem }), schema: pillarSchema }),
  claims: defineCollection({ loader: glob({ pattern: '*.md', base: `${root}/claims`, generateId: stem }), schema: claimSchema }),
  // Sources are long and each is shown on one page: their bodies are rendered there, not at sync.
  sources: defineCollection({ loader: markdownData(`${root}/sources`), schema: sourceSchema }),
};

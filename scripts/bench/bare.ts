/**
 * The yardstick: a throwaway Astro project with no integrations that renders N plain Markdown pages
 * from a glob collection through one `[...slug].astro` route, built by the same installed Astro.
 */
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

const CONFIG = `import { defineConfig } from 'astro/config';
export default defineConfig({ output: 'static', build: { format: 'directory' }, devToolbar: { enabled: false } });
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { pages: defineCollection({ loader: glob({ pattern: '*.md', base: './pages-md' }) }) };
`;

const ROUTE = `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const pages = await getCollection('pages');
  return pages.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8"><title>{entry.data.title}</title></head>
<body><main><h1>{entry.data.title}</h1><Content /></main></body></html>
`;

/**
 * Writes the bare project into `dir` with `pages` Markdown pages whose bodies are the given
 * articles' text, cycled; `node_modules` is a symlink to the project's own.
 */
export async function makeBareProject(dir: string, pages: number, articleFiles: readonly string[], nodeModules: string): Promise<void> {
  await mkdir(path.join(dir, 'src', 'pages'), { recursive: true });
  await mkdir(path.join(dir, 'pages-md'), { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'bare-astro-bench', private: true, type: 'module' }));
  await writeFile(path.join(dir, 'astro.config.mjs'), CONFIG);
  await writeFile(path.join(dir, 'src', 'content.config.ts'), CONTENT_CONFIG);
  await writeFile(path.join(dir, 'src', 'pages', '[...slug].astro'), ROUTE);
  await symlink(nodeModules, path.join(dir, 'node_modules'), 'dir');
  const bodies = await Promise.all(articleFiles.map(async (f) => (await readFile(f, 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '')));
  for (let i = 0; i < pages; i++) {
    const body = bodies.length ? bodies[i % bodies.length]! : 'An empty page.';
    await writeFile(path.join(dir, 'pages-md', `p${String(i).padStart(5, '0')}.md`), `---\ntitle: "Page ${i + 1}"\n---\n\n${body}`);
  }
}

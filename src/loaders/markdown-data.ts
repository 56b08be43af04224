/**
 * A content loader for Markdown files that are data: each `*.md` of one folder becomes an entry
 * whose frontmatter is validated by the collection's schema. Its body stays in the file and is
 * never rendered while content syncs. Source files are this: thousands of long annotated
 * articles, each shown on one page. Rendering them all at sync (what glob() does) kept every
 * page's HTML in Astro's data store, which is serialised, bundled as a module and loaded again
 * to render pages: the largest cost and most of the memory of a big build. Keeping even the
 * Markdown there cost a few hundred MB at 4,000 articles. The page reads and renders its one
 * body instead (lib/source-html.ts).
 *
 * Entries are named by file stem, skipped while their file's digest is unchanged, and kept in step
 * with the folder by the dev server's watcher, as glob() does.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';

/** Loads the frontmatter of `<dir>/*.md` as data entries, by file stem. */
export function markdownData(dir: string): Loader {
  const folder = path.resolve(dir);
  return {
    name: 'triangulate-markdown-data',
    load: async (context) => {
      const { store, watcher } = context;
      const stale = new Set(store.keys());
      const names = (await readdir(folder).catch(() => [] as string[])).filter(isEntry).sort();
      for (const name of names) {
        stale.delete(idOf(name));
        await sync(context, folder, name);
      }
      for (const id of stale) store.delete(id);
      if (!watcher) return;
      watcher.add(folder);
      const inFolder = (file: string): string | null => (path.dirname(file) === folder && isEntry(path.basename(file)) ? path.basename(file) : null);
      const changed = async (file: string): Promise<void> => {
        const name = inFolder(file);
        if (name) await sync(context, folder, name);
      };
      watcher.on('add', changed);
      watcher.on('change', changed);
      watcher.on('unlink', (file) => {
        const name = inFolder(file);
        if (name) store.delete(idOf(name));
      });
    },
  };
}

const isEntry = (name: string): boolean => name.endsWith('.md') && !name.startsWith('.');
const idOf = (name: string): string => name.slice(0, -'.md'.length);

/** Reads one file into the store, unless the store already has these exact bytes. */
async function sync({ store, parseData, generateDigest, logger, config }: LoaderContext, folder: string, name: string): Promise<void> {
  const file = path.join(folder, name);
  const contents = await readFile(file, 'utf8').catch((error: Error) => {
    logger.error(`Cannot read ${file}: ${error.message}`);
    return null;
  });
  if (contents === null) return;
  const id = idOf(name);
  const digest = generateDigest(contents);
  if (store.get(id)?.digest === digest) return;
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(contents);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new Error(`${file}: unreadable frontmatter (${reason}). Files in this folder are written by \`npm run content\`; run it to write this one again.`);
  }
  const { frontmatter } = parsed;
  const data = await parseData({ id, data: frontmatter, filePath: file });
  const filePath = path.relative(fileURLToPath(config.root), file).split(path.sep).join('/');
  store.set({ id, data, filePath, digest });
}

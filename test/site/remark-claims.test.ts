/** The claim-directive plugin through the same remark/rehype pipeline Astro's unified processor runs. */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import { describe, expect, test } from 'vitest';
import remarkClaims from '../../src/remark/remark-claims.ts';

async function render(markdown: string, base = '/'): Promise<string> {
  const processor = await createMarkdownProcessor({
    remarkPlugins: [remarkDirective, [remarkClaims, { base }]],
    gfm: false,
    smartypants: false,
    syntaxHighlight: false,
  });
  return (await processor.render(markdown)).code;
}

describe('remarkClaims', () => {
  test('a claim sentence becomes an anchored, status-labelled mark linking to its first claim', async () => {
    expect(await render(':claim[Troops will deploy.]{#s12 claims="troops-deploy other" status="disputed"}', '/repo')).toBe(
      '<p><mark id="s12" class="claim claim--disputed" data-status="disputed" data-claims="troops-deploy other">' +
        '<a href="/repo/claims/troops-deploy/" class="claim-link">Troops will deploy.</a> ' +
        '<span class="claim-tag"><span aria-hidden="true">≠</span> disputed</span></mark></p>',
    );
  });

  test('an unknown status falls back to single-source', async () => {
    expect(await render(':claim[X said so.]{#s1 claims="x" status="weird"}')).toContain('class="claim claim--single-source"');
  });

  test('a claim directive without anchor or ids is left as written', async () => {
    expect(await render('Before :claim[bad]{claims="a"} after.')).toBe('<p>Before :claim[bad]{claims="a"} after.</p>');
  });

  test('article text stays literal: stray directives, raw HTML, quotes and tildes', async () => {
    const html = await render('BREAKING:Kyiv says "no" to ~30 <script>alert(1)</script> at 10:30.\n\n::leaf[x]\n\n:::box\ny\n:::');
    expect(html).toContain('BREAKING:Kyiv says "no" to ~30 &#x3C;script>alert(1)&#x3C;/script> at 10:30.');
    expect(html).toContain('<p>::leaf[x]</p>');
    expect(html).toContain(':::box');
    expect(html).not.toContain('<script>');
  });

  test('a top-level heading of a body is demoted under the page h1', async () => {
    expect(await render('# Section\n\nText.')).toMatch(/^<h2 id="section">Section<\/h2>/);
  });

  test('hostile input does not crash', async () => {
    for (const input of ['', ':claim', ':claim[]{}', ':claim[x]{#s1 claims=""}', '\u0000\uFFFD'.repeat(100), ':'.repeat(5000), 'a '.repeat(100_000)]) {
      await expect(render(input)).resolves.toBeTypeOf('string');
    }
  });
});

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

describe('links that are not http(s) or mailto', () => {
  test('are shown as the Markdown they were written as, never as links', async () => {
    const html = await render(
      'A [x](javascript:alert(1)), [y](  JavaScript:alert(2)), [z](&#106;avascript:alert(3)), <javascript:alert(4)>, ![i](data:text/html,x) and [r][ref].\n\n[ref]: vbscript:alert(5)\n\nFine: [w](https://example.com/a), [m](mailto:desk@example.com), [here](/claims/x/), [s](#s12).',
    );
    expect(html).not.toMatch(/<a[^>]+href="(?!https:|mailto:|\/claims|#s12)/);
    expect(html).not.toMatch(/(href|src)="[^"]*(script|data):/i);
    expect(html).toContain('[x](javascript:alert(1))');
    expect(html).toContain('&#x3C;javascript:alert(4)>');
    expect(html).toContain('[r][ref]');
    expect(html).toContain('<p>[ref]: vbscript:alert(5)</p>');
    expect(html).toContain('<a href="https://example.com/a">w</a>');
    expect(html).toContain('<a href="mailto:desk@example.com">m</a>');
    expect(html).toContain('<a href="/claims/x/">here</a>');
    expect(html).not.toContain('<img');
  });
});

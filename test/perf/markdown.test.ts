/**
 * Articles that are only paragraphs of plain text skip the Markdown parser: whenever the fast path
 * accepts a text, it must give the lines the parser gives.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownBlocks, plainMarkdownBlocks } from '../../scripts/pipeline/articles.ts';

const root = path.resolve(import.meta.dirname, '../../content/articles');

describe('plain Markdown fast path', () => {
  it('reads the seed articles as the parser does', () => {
    for (const name of readdirSync(root)) {
      const text = readFileSync(path.join(root, name), 'utf8');
      const body = text.split('\n').slice(1).join('\n');
      const plain = plainMarkdownBlocks(body);
      if (plain) expect(plain, name).toEqual(markdownBlocks(body));
    }
  });

  it('accepts plain paragraphs and refuses syntax', () => {
    expect(plainMarkdownBlocks('One paragraph, with U.S.-led words and 35 countries.\n\nAnother “quoted” one.\nSame paragraph.')).toEqual([
      'One paragraph, with U.S.-led words and 35 countries.',
      'Another “quoted” one.',
      'Same paragraph.',
    ]);
    for (const text of ['a *b*', 'a_b_', '# Head', 'a\n===', 'a\n---', '- item', '1. item', '    code', 'a  \nb', '<b>x</b>', 'a &amp; b', '[a](b)', 'a\\\nb', '`x`', '~~~', '> quote', '\ta']) {
      expect(plainMarkdownBlocks(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('agrees with the parser on random texts from a Markdown alphabet', () => {
    const alphabet = [...'ab ab ab\n\n\n\t#*-+=_>`~[]()!<&;:.,1)9\\|"“”\u00a0\u200b\u00ad\u2028é'];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let accepted = 0;
    for (let n = 0; n < 4000; n++) {
      let s = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
      const plain = plainMarkdownBlocks(s);
      if (plain === null) continue;
      accepted++;
      expect(plain, JSON.stringify(s)).toEqual(markdownBlocks(s));
    }
    expect(accepted).toBeGreaterThan(200);
  });
});

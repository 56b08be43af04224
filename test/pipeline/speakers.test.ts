/** Who speaks: a person named before a possessive is not the speaker; a document or a body can be. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../helpers/pipeline.ts';

describe('speakers', () => {
  it('skip a possessive: the envoy speaks, not the president whose envoy he is', () => {
    const { mentions } = analyse({
      'a.txt': 'Harbour talks\nMira Castell, President Oren Dahl’s special envoy for the harbour talks, said Dahl “firmly backs the new shipping rules” for the port.\nThe talks resume on Monday.',
    });
    const quote = mentions.find((m) => m.kind === 'quote');
    expect(quote?.speaker).toBe('Mira Castell');
  });

  it('give a document or a body as the speaker when no person speaks', () => {
    const { mentions } = analyse({
      'a.txt': 'Port inquiry\n“The operator ignored three warnings about the crane’s brakes,” the report says.\nThe transport ministry said the terminal would reopen in May after inspections.',
    });
    expect(mentions.find((m) => m.kind === 'quote')?.speaker).toBe('the report');
    expect(mentions.find((m) => m.sentence.text.includes('reopen'))?.speaker).toBe('the ministry');
  });
});

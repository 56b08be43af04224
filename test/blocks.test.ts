import { describe, expect, it } from 'vitest';
import { classifyBlock } from '../scripts/pipeline/blocks.ts';

describe('classifyBlock', () => {
  it('takes a short line without terminal punctuation for a heading', () => {
    expect(classifyBlock('Storm floods coastal towns')).toBe('heading');
    expect(classifyBlock("Council approves 'emergency' budget after late-night vote")).toBe('heading');
    expect(classifyBlock('  Rescue crews work overnight  ')).toBe('heading');
  });

  it('does not take sentences, dates or long lines for headings', () => {
    expect(classifyBlock('The council approved the budget.')).toBe('paragraph');
    expect(classifyBlock('Where did the money go?')).toBe('paragraph');
    expect(classifyBlock('Tuesday, March 4, 2025')).toBe('paragraph');
    expect(classifyBlock('"Flooded roads close schools" — Lowtown Herald, March 4, 2025')).toBe('paragraph');
    const long = 'The council met again on Tuesday evening and voted to reopen the bridge to all traffic after engineers said the repairs were complete and safe';
    expect(classifyBlock(long)).toBe('paragraph');
  });

  it('recognises captions by their credit', () => {
    expect(classifyBlock('Firefighters on the ridge on Sunday. Image: Jo Park.')).toBe('caption');
    expect(classifyBlock('The flooded square Photo: Lowtown Herald')).toBe('caption');
    expect(classifyBlock('Crowds gather outside parliament. (AP Photo/Ann Lee)')).toBe('caption');
    expect(classifyBlock('Photo courtesy of the city archive')).toBe('caption');
    expect(classifyBlock('The old mill in 1910. © City Museum')).toBe('caption');
  });

  it('recognises a block that is one quotation', () => {
    expect(classifyBlock('“We will rebuild. Every house, every road.”')).toBe('quote');
    expect(classifyBlock('"It was the worst night of my life."')).toBe('quote');
    expect(classifyBlock('«Nous reconstruirons.»')).toBe('quote');
    // The closing part of a quotation opened in an earlier block.
    expect(classifyBlock('We stayed until the water reached the roof."')).toBe('quote');
  });

  it('does not take attributed speech for a quote block', () => {
    expect(classifyBlock('"We will rebuild," the mayor said. "Every house."')).toBe('paragraph');
    expect(classifyBlock('"We will rebuild," the mayor said on Monday.')).toBe('paragraph');
  });

  it('survives empty and hostile input', () => {
    expect(classifyBlock('')).toBe('paragraph');
    expect(classifyBlock(' \n\t ')).toBe('paragraph');
    expect(classifyBlock('"')).toBe('paragraph');
    expect(classifyBlock('\u0000\u0001\u0002')).toBe('paragraph');
    expect(classifyBlock('<h1>Storm floods coastal towns</h1>')).toBe('heading');
    expect(classifyBlock(null as unknown as string)).toBe('paragraph');
    expect(classifyBlock('word '.repeat(200_000))).toBe('paragraph');
    expect(classifyBlock('"'.repeat(100_000))).toBe('paragraph');
  });
});

import { describe, expect, it } from 'vitest';
import { buildText, cleanLine, splitParagraphs } from './normalize.js';

describe('splitParagraphs', () => {
  it('takes each line as a paragraph when the text has no blank line', () => {
    expect(splitParagraphs('By Li\nFirst line.\nSecond line.\n')).toEqual([
      'By Li',
      'First line.',
      'Second line.',
    ]);
  });

  it('joins hard-wrapped lines when blank lines separate paragraphs', () => {
    expect(
      splitParagraphs('One sentence that\nwraps here.\n\nTwo.\r\n\r\n# Head\n- item one\n- item two'),
    ).toEqual(['One sentence that wraps here.', 'Two.', '# Head', '- item one', '- item two']);
  });

  it('normalizes to NFC and folds white space', () => {
    expect(cleanLine('Pe\u0301ru\u00a0\t  is\u200b here ')).toBe('Péru is here');
    expect(cleanLine('Pe\u0301ru')).toBe('P\u00e9ru');
  });
});

describe('buildText', () => {
  it('joins paragraphs with a blank line, gives exact offsets and marks repeats', () => {
    const { text, paragraphs } = buildText(['Alpha.', 'Beta.', 'Alpha.']);
    expect(text).toBe('Alpha.\n\nBeta.\n\nAlpha.');
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['Alpha.', 'Beta.', 'Alpha.']);
    expect(paragraphs.map((p) => p.duplicateOf)).toEqual([null, null, 0]);
  });
});

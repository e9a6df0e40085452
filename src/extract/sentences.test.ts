import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';
import { registeredLanguages as languages } from './lang/index.js';
import { wordNumberValue } from './word-numbers.js';

const split = (text: string) => splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at sentence ends but not after abbreviations, initials or decimals', () => {
    expect(
      split('It rose to 1.4 GW. St. John\'s Harbor grew. Mr. Li said "yes." The U.S. Fed agreed! Next?'),
    ).toEqual([
      'It rose to 1.4 GW.',
      "St. John's Harbor grew.",
      'Mr. Li said "yes."',
      'The U.S. Fed agreed!',
      'Next?',
    ]);
  });

  it('handles Spanish opening marks and J. initials', () => {
    expect(split('Lo dijo J. Pérez. ¿Cuánto costó? Mil millones.')).toEqual([
      'Lo dijo J. Pérez.',
      '¿Cuánto costó?',
      'Mil millones.',
    ]);
  });
});

describe('wordNumberValue', () => {
  it.each([
    ['seven', 'en', 7],
    ['twenty-five', 'en', 25],
    ['a million', 'en', 1e6],
    ['three hundred thousand', 'en', 300000],
    ['cinco mil', 'es', 5000],
    ['dos millones', 'es', 2e6],
    ['três', 'pt', 3],
    ['duas mil', 'pt', 2000],
  ])('%s (%s) is %d', (phrase, lang, value) => expect(wordNumberValue(languages, phrase, lang)).toBe(value));

  it('refuses words of another language and non-numbers', () => {
    expect(wordNumberValue(languages, 'once', 'en')).toBeNull();
    expect(wordNumberValue(languages, 'once', 'es')).toBe(11);
    expect(wordNumberValue(languages, 'many', 'en')).toBeNull();
  });
});

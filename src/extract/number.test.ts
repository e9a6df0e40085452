import { describe, expect, it } from 'vitest';
import { parseNumber } from './number.js';

describe('parseNumber', () => {
  it.each([
    ['596.2', 'en', 596.2],
    ['1,300', 'en', 1300],
    ['1,300.5', 'en', 1300.5],
    ['1.300', 'es', 1300],
    ['1.300,5', 'es', 1300.5],
    ['3,7', 'pt', 3.7],
    ['3,75', 'en', 3.75],
    ['1.234.567', 'es', 1234567],
    ['1,234,567', null, 1234567],
    ['12', null, 12],
  ])('reads %s (%s) as %d', (text, lang, expected) => {
    expect(parseNumber(text, lang)).toBe(expected);
  });

  it.each(['', 'abc', '1,2,3', '1.', '1..2', '12,34.56.7'])('refuses %j', (text) => {
    expect(parseNumber(text, 'en')).toBeNaN();
  });
});

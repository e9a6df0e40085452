import { describe, expect, it } from 'vitest';
import { numberStyle, parseNumber } from './number.js';

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
    expect(parseNumber(text, lang === 'es' || lang === 'pt' ? ',' : '.')).toBe(expected);
  });

  it.each(['', 'abc', '1,2,3', '1.', '1..2', '12,34.56.7'])('refuses %j', (text) => {
    expect(parseNumber(text, '.')).toBeNaN();
  });

  it('reads three digits after one mark by the style, "000" always as thousands, and space-separated groups', () => {
    expect(parseNumber('1,684', ',', 'dot-decimal')).toBe(1684);
    expect(parseNumber('1,684', ',', null)).toBe(1.684);
    expect(parseNumber('1.684', '.', 'comma-decimal')).toBe(1684);
    expect(parseNumber('100,000', ',')).toBe(100000);
    expect(parseNumber('1 500', ',')).toBe(1500);
  });
});

describe('numberStyle', () => {
  it('tells the style from unambiguous numbers only, and stays silent when they disagree or are absent', () => {
    expect(numberStyle('1,684 millones y 100,000 vehículos; 2.5%')).toBe('dot-decimal');
    expect(numberStyle('3,7 bilhões; 1.234.567 pessoas')).toBe('comma-decimal');
    expect(numberStyle('1,684 millones')).toBeNull();
    expect(numberStyle('2.5 and 3,7')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it.each([
    ['The port was built by a Chinese company and opened in 2024 with the support of the government.', 'en'],
    ['El puerto fue construido por una empresa china y se inauguró en 2024 con el apoyo del gobierno.', 'es'],
    ['O porto foi construído por uma empresa chinesa e inaugurado em 2024 com o apoio do governo.', 'pt'],
    ['中国与拉美国家的投资合作不断深化，基础设施项目遍布各地。', 'zh'],
  ])('tells %j is %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));

  it('says null when there is too little to tell', () => {
    expect(detectLanguage('Chancay')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { pickDate, sourceUrl } from './fields.js';

describe('sourceUrl', () => {
  it('keeps absolute http and https addresses', () => {
    expect(sourceUrl('url', ' https://example.org/a?b=1 ')).toEqual({
      url: 'https://example.org/a?b=1',
      note: null,
    });
    expect(sourceUrl('url', 'http://example.org')).toEqual({ url: 'http://example.org', note: null });
    expect(sourceUrl('url', null)).toEqual({ url: null, note: null });
  });

  it('refuses javascript:, data:, file: and relative addresses with a note', () => {
    expect(sourceUrl('link', 'javascript:alert(1)')).toEqual({
      url: null,
      note: 'link "javascript:alert(1)" refused (a javascript: address: only http and https addresses are kept): the file\'s own address is used',
    });
    expect(sourceUrl('url', 'JavaScript:alert(1)').url).toBeNull();
    expect(sourceUrl('url', 'file:///etc/passwd').note).toMatch(/a file: address/);
    expect(sourceUrl('url', '/news/1').note).toMatch(/not an absolute http or https address/);
    // A long value is cut in the note.
    const data = `data:text/html;base64,${'A'.repeat(10_000)}`;
    expect(sourceUrl('url', data).note).toMatch(
      /^url "data:text\/html;base64,A+\.\.\." refused \(a data: address/,
    );
    expect(sourceUrl('url', data).note?.length).toBeLessThan(200);
  });
});

describe('pickDate', () => {
  it('takes the first field that names a day and notes the ones refused before it', () => {
    expect(
      pickDate([
        ['pubDate', '2024-02-30'],
        ['dc:date', '2024-03-01'],
      ]),
    ).toEqual({
      date: '2024-03-01',
      note: 'pubDate "2024-02-30" refused (February 2024 has 29 days): dc:date used instead',
    });
    expect(pickDate([['publishedAt', 'yesterday']])).toEqual({
      date: null,
      note: expect.stringMatching(
        /^publishedAt "yesterday" refused \(not a date .*\): stored without a date$/,
      ),
    });
    expect(pickDate([['date', undefined]])).toEqual({ date: null, note: null });
  });
});

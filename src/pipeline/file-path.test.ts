import { describe, expect, it } from 'vitest';
import { bytesAsText, childPath, escapeControls, pathKey, showPath } from './file-path.js';

describe('file paths shown on a terminal', () => {
  it('escapes control characters and bidirectional overrides', () => {
    expect(escapeControls('a\nb\tc\x1b[31md\u202ee\u0085')).toBe('a\\nb\\tc\\x1b[31md\\u202ee\\x85');
    expect(escapeControls('informe café.txt')).toBe('informe café.txt');
  });

  it('writes bytes that are not UTF-8 as \\xNN and keeps valid sequences', () => {
    expect(bytesAsText(Buffer.from([0x61, 0xe9, 0x62]))).toBe('a\\xe9b');
    expect(bytesAsText(Buffer.from('café ✓ 😀', 'utf8'))).toBe('café ✓ 😀');
    // overlong "/" and a UTF-16 surrogate encoded in UTF-8 are not valid UTF-8
    expect(bytesAsText(Buffer.from([0xc0, 0xaf]))).toBe('\\xc0\\xaf');
    expect(bytesAsText(Buffer.from([0xed, 0xa0, 0x80]))).toBe('\\xed\\xa0\\x80');
    // a sequence cut short
    expect(bytesAsText(Buffer.from([0xe2, 0x9c]))).toBe('\\xe2\\x9c');
  });

  it('shows strings and buffers alike', () => {
    expect(showPath(Buffer.from('docs/a\nb.txt'))).toBe('docs/a\\nb.txt');
    expect(showPath('docs/a\nb.txt')).toBe('docs/a\\nb.txt');
  });

  it('joins a folder and an entry name read as bytes: a string while both are text', () => {
    expect(childPath('docs/', Buffer.from('a.txt'))).toBe('docs/a.txt');
    expect(childPath('./docs', Buffer.from([0x61, 0xe9]))).toEqual(
      Buffer.from([...Buffer.from('docs/a'), 0xe9]),
    );
    expect(childPath(Buffer.from([0x64, 0xe9]), Buffer.from('b'))).toEqual(
      Buffer.from([0x64, 0xe9, 0x2f, 0x62]),
    );
    // Keys tell apart bytes that decode alike.
    expect(pathKey(Buffer.from([0xe9]))).not.toBe(pathKey(Buffer.from([0xe8])));
    expect(pathKey('é')).toBe(pathKey(Buffer.from('é')));
  });
});

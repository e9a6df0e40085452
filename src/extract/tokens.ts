/** A word or punctuation token of a text, with its character offsets. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// Words are runs of letters, digits and combining marks; CJK characters stand alone; any other non-space is one token.
const tokenPattern = /[\p{Script=Han}]|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

/** Splits text into word and punctuation tokens. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = from;
  for (let m = tokenPattern.exec(text); m && m.index < to; m = tokenPattern.exec(text)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

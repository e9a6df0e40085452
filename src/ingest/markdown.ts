/** Metadata a document may declare in YAML-style front matter (`---` lines) at its top. */
export interface FrontMatter {
  title?: string;
  url?: string;
  publisher?: string;
  byline?: string;
  language?: string;
  publishedAt?: string;
}

const keys: Record<string, keyof FrontMatter> = {
  title: 'title',
  url: 'url',
  source: 'url',
  publisher: 'publisher',
  author: 'byline',
  byline: 'byline',
  language: 'language',
  lang: 'language',
  date: 'publishedAt',
  published: 'publishedAt',
  publishedat: 'publishedAt',
};

// Control characters never belong in metadata (and PostgreSQL cannot store NUL in text).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u001f\u007f]/g;

/** Splits front matter off a document; unknown keys are ignored, values may be quoted. */
export function readFrontMatter(text: string): { meta: FrontMatter; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m || m[1] === undefined) return { meta: {}, body: text };
  // A block is front matter only if every line in it is `key: value`; otherwise it is text between two rules.
  const lines = m[1].split(/\r?\n/).filter((line) => line.trim() !== '');
  if (!lines.every((line) => /^[A-Za-z_][\w-]*\s*:/.test(line))) return { meta: {}, body: text };
  const meta: FrontMatter = {};
  for (const line of lines) {
    const kv = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line);
    const key = kv?.[1] ? keys[kv[1].toLowerCase()] : undefined;
    const value = kv?.[2]
      ?.trim()
      .replace(/^(["'])(.*)\1$/, '$2')
      .replace(controlCharacters, '');
    if (key && value) meta[key] = value;
  }
  return { meta, body: text.slice(m[0].length) };
}

/** Markdown inline markup removed, so that evidence quotes read as plain text. */
export function stripInlineMarkdown(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/^>\s?/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^*_]+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[\s(])[*_](?=\S)([^*_]+?)(?<=\S)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

/** The first level-one heading of a Markdown document, if any. */
export function markdownTitle(body: string): string | null {
  const m = /^#[ \t]+(.+)$/m.exec(body);
  return m?.[1] ? stripInlineMarkdown(m[1]).trim() : null;
}

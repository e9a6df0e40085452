import { XMLParser } from 'fast-xml-parser';
import { unsupportedInput } from '../domain/errors.js';
import { addressProblem, joinNotes, pickDate, sourceUrl } from './fields.js';
import { htmlFragmentTexts } from './html.js';
import { cleanLine } from './normalize.js';

/** One item of a feed, read: its own document's metadata and paragraphs. */
export interface FeedItem {
  /** 1-based position in the feed */
  position: number;
  link: string | null;
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  paragraphs: string[];
  /** the item's own markup, to identify it by content */
  raw: string;
  /** what was refused in the item (a link that is not http or https, a date that names no day), or null */
  note: string | null;
}

/** A feed: its own title and language, and its items in order. */
export interface Feed {
  kind: 'rss' | 'atom';
  title: string | null;
  language: string | null;
  items: FeedItem[];
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes XML's five named entities and numeric character references in one pass (so `&amp;lt;` is `&lt;`);
 * a reference to a surrogate (`&#xD800;`, no character) becomes U+FFFD; anything else is left as written. CDATA
 * sections are taken as they are.
 */
export function decodeXmlText(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) =>
      part.startsWith('<![CDATA[')
        ? part.slice(9, -3)
        : part.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
            if (name.startsWith('#')) {
              const code =
                name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
              if (code >= 0xd800 && code <= 0xdfff) return '\ufffd'; // a lone surrogate is no character
              return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
            }
            return entities[name.toLowerCase()] ?? whole;
          }),
    )
    .join('');
}

// The text of an element the parser gave as a string or as { '#text': ... } with attributes.
const textOf = (v: unknown): string | null => {
  const raw = isNode(v) ? v['#text'] : v;
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const value = cleanLine(decodeXmlText(String(raw)).replace(/<[^>]*>/g, ' '));
  return value === '' ? null : value;
};

const attr = (v: unknown, name: string): string | null => {
  const value = isNode(v) ? v[`@_${name}`] : undefined;
  return typeof value === 'string' ? decodeXmlText(value) : null;
};

// Markup content: Atom's type="text" is plain text, everything else (RSS description, content:encoded,
// Atom html and xhtml) is HTML read by the HTML reader's text path.
const contentParagraphs = (v: unknown): string[] => {
  const raw = isNode(v) ? v['#text'] : v;
  if (typeof raw !== 'string') return [];
  const type = attr(v, 'type');
  // xhtml content is markup as it stands; html and RSS content is escaped (or CDATA) markup.
  const markup = type === 'xhtml' ? raw : decodeXmlText(raw);
  if (type === 'text')
    return markup
      .split(/\n\s*\n/)
      .map(cleanLine)
      .filter((p) => /[\p{L}\p{N}]/u.test(p));
  return htmlFragmentTexts(markup);
};

const rssAuthor = (v: unknown): string | null => {
  const value = textOf(v);
  // "editor@example.com (Ana Pérez)" names the person in parentheses.
  const named = value ? /\(([^)]+)\)\s*$/.exec(value)?.[1] : undefined;
  if (named) return named.trim();
  return value && !/^\S+@\S+$/.test(value) ? value : null;
};

const atomLink = (entry: Node): string | null => {
  const links = list(entry.link);
  const alternate =
    links.find((l) => attr(l, 'rel') === 'alternate' || attr(l, 'rel') === null) ?? links[0] ?? null;
  return attr(alternate, 'href') ?? textOf(alternate);
};

const language = (v: unknown) => {
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec(textOf(v) ?? '');
  return m?.[1]?.toLowerCase() ?? null;
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Entities are decoded by decodeXmlText; DOCTYPE entity declarations are refused before parsing.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  stopNodes: ['*.description', '*.content:encoded', '*.content', '*.summary'],
  isArray: (name) => ['item', 'entry', 'link', 'author', 'dc:creator'].includes(name),
});

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed. Refuses a DOCTYPE that declares entities (which can expand
 * without bound, the "billion laughs") and never resolves anything external.
 */
export function readFeed(xml: string): Feed {
  if (/<!ENTITY/i.test(xml)) {
    throw unsupportedInput(
      'XML entity declarations (<!ENTITY) are refused: they can expand without bound or point outside the file',
      'remove the DOCTYPE block from the feed',
    );
  }
  let tree: Node;
  try {
    tree = parser.parse(xml, true) as Node;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/nested|depth|call stack/i.test(reason)) {
      throw unsupportedInput(
        `XML nested too deep to read (${reason})`,
        'no real feed nests this deep; check where the file came from',
      );
    }
    throw unsupportedInput(
      `not well-formed XML: ${reason}`,
      'check the feed with an XML validator (xmllint --noout FILE)',
    );
  }
  if (isNode(tree.feed)) {
    const feed = tree.feed;
    return {
      kind: 'atom',
      title: textOf(feed.title),
      language: language(feed['@_xml:lang']),
      items: list(feed.entry)
        .filter(isNode)
        .map((entry, i) => {
          const link = sourceUrl('link', atomLink(entry));
          const published = pickDate([
            ['published', textOf(entry.published)],
            ['updated', textOf(entry.updated)],
          ]);
          return {
            position: i + 1,
            link: link.url,
            title: textOf(entry.title),
            byline:
              list(entry.author)
                .map((a) => (isNode(a) ? textOf(a.name) : textOf(a)))
                .filter((a) => a !== null)
                .join(', ') || null,
            publishedAt: published.date,
            paragraphs: contentParagraphs(entry.content ?? entry.summary),
            raw: JSON.stringify(entry),
            note: joinNotes(link.note, published.note),
          };
        }),
    };
  }
  const rss = isNode(tree.rss) ? tree.rss : isNode(tree['rdf:RDF']) ? tree['rdf:RDF'] : null;
  if (!rss)
    throw unsupportedInput(
      'XML that is not an RSS or Atom feed',
      'ingest takes RSS 2.0, RSS 1.0 and Atom feeds',
    );
  const channel = isNode(rss.channel) ? rss.channel : {};
  // RSS 2.0 puts items in the channel, RSS 1.0 beside it.
  const items = [...list(channel.item), ...list(rss.item)].filter(isNode);
  return {
    kind: 'rss',
    title: textOf(channel.title),
    language: language(channel.language ?? channel['dc:language']),
    items: items.map((item, i) => {
      const guid = item.guid;
      const permalink = attr(guid, 'isPermaLink') !== 'false' ? textOf(guid) : null;
      // A guid is often no address at all: it stands in only when it is a web address.
      const guidLink = permalink && addressProblem(permalink) === null ? permalink : null;
      const link = sourceUrl(
        'link',
        textOf(list(item.link)[0]),
        guidLink ? 'the guid is used instead' : undefined,
      );
      const published = pickDate([
        ['pubDate', textOf(item.pubDate)],
        ['dc:date', textOf(item['dc:date'])],
      ]);
      return {
        position: i + 1,
        link: link.url ?? guidLink,
        title: textOf(item.title),
        byline:
          rssAuthor(list(item.author)[0]) ??
          (list(item['dc:creator']).map(textOf).filter(Boolean).join(', ') || null),
        publishedAt: published.date,
        paragraphs: contentParagraphs(item['content:encoded'] ?? item.description),
        raw: JSON.stringify(item),
        note: joinNotes(link.note, published.note),
      };
    }),
  };
}

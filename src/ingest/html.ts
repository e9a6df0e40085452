import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isoDate } from './dates.js';
import { boundNesting } from './html-depth.js';
import { cleanLine } from './normalize.js';

// The little of the DOM that the reader uses, as linkedom implements it (the project's lib has no DOM types).
interface DomNode {
  nodeType: number;
  localName?: string;
  nodeValue: string | null;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  parentNode: DomNode | null;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  getElementsByTagName(name: string): { length: number };
}
interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelectorAll(selector: string): Iterable<DomElement>;
  getElementsByTagName(name: string): { length: number };
}

/** What the HTML reader finds in a page: its article's paragraphs and the page's metadata. */
export interface HtmlArticle {
  title: string | null;
  byline: string | null;
  publisher: string | null;
  publishedAt: string | null;
  language: string | null;
  paragraphs: string[];
}

/** Past this many elements, or this depth of nesting, Readability is not run (its scoring is slow there). */
const readabilityElementLimit = 20_000;
const readabilityDepthLimit = 200;

// Whether elements nest deeper than the limit under the node (a loop, not recursion).
function depthOver(root: DomNode | null, limit: number): boolean {
  let depth = 0;
  let node = root?.firstChild ?? null;
  while (node && root) {
    if (node.nodeType === 1 && node.firstChild) {
      if (++depth > limit) return true;
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return false;
}

// Elements whose content is never text of the document.
const skipped = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'head',
  'title',
  'select',
  'button',
  'textarea',
  'input',
]);
// Page furniture the fallback reader leaves out when no article was found.
const furniture = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu', 'dialog']);
// Elements that run inside a paragraph; every other element starts and ends one.
const inline = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'big',
  'nobr',
]);

/**
 * The text paragraphs under a node, in document order: every block element (p, h1-h6, li, blockquote, td,
 * div...) and every `<br>` ends a paragraph; script, style and the like never become text. The walk is a loop
 * over first-child/next-sibling/parent links, never recursion, so 100,000 nested elements do not overflow.
 */
export function blockTexts(root: DomNode, skip: ReadonlySet<string> = skipped): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const line = cleanLine(current);
    if (/[\p{L}\p{N}]/u.test(line)) paragraphs.push(line);
    current = '';
  };
  const isBlock = (node: DomNode) => node.nodeType === 1 && !inline.has(node.localName ?? '');
  let node: DomNode | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) current += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const name = node.localName ?? '';
      if (name === 'br' || name === 'hr') flush();
      else if (!skip.has(name)) {
        if (isBlock(node)) flush();
        descend = node.firstChild !== null;
      }
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    // Leave the node, and every ancestor whose last child it was.
    while (node && node !== root) {
      if (isBlock(node) && !skip.has(node.localName ?? '')) flush();
      if (node.nextSibling) {
        node = node.nextSibling;
        break;
      }
      node = node.parentNode;
      if (node === root) node = null;
    }
    if (node === root) node = null;
  }
  flush();
  return paragraphs;
}

/** The paragraphs of an HTML fragment (a feed item's content): the same text path as whole pages. */
export function htmlFragmentTexts(html: string): string[] {
  const markup = boundNesting(`<!doctype html><html><body>${html}</body></html>`, undefined, inline);
  const { document } = parseHTML(markup) as unknown as {
    document: DomDocument;
  };
  return document.body ? blockTexts(document.body) : [];
}

const meta = (doc: DomDocument, ...names: string[]): string | null => {
  for (const name of names) {
    for (const el of doc.querySelectorAll('meta')) {
      const key = (
        el.getAttribute('property') ??
        el.getAttribute('name') ??
        el.getAttribute('itemprop') ??
        ''
      )
        .trim()
        .toLowerCase();
      const content = el.getAttribute('content')?.trim();
      if (key === name && content) return content;
    }
  }
  return null;
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const articleTypes =
  /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report|WebPage)$/;

// The article objects of the page's JSON-LD blocks (top level, arrays and @graph), the most specific first.
function jsonLdArticles(doc: DomDocument): Json[] {
  const found: Json[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const candidates = Array.isArray(data) ? data : [data];
    for (const c of [...candidates])
      if (isObject(c) && Array.isArray(c['@graph'])) candidates.push(...c['@graph']);
    for (const c of candidates) {
      if (!isObject(c)) continue;
      const types = (Array.isArray(c['@type']) ? c['@type'] : [c['@type']]).filter(
        (t) => typeof t === 'string',
      );
      if (types.some((t) => articleTypes.test(t))) found.push(c);
    }
  }
  return found.sort((a, b) => Number(a['@type'] === 'WebPage') - Number(b['@type'] === 'WebPage'));
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? cleanLine(v) : null);
// A person or organization given as a string, an object with a name, or a list of them.
const names = (v: unknown): string | null => {
  const list = (Array.isArray(v) ? v : [v])
    .map((x) => (isObject(x) ? text(x.name) : text(x)))
    .filter((x): x is string => x !== null && !/^https?:/.test(x));
  return list.length ? list.join(', ') : null;
};

const language = (tag: string | null | undefined) => {
  const m = tag ? /^([a-z]{2,3})(?:[-_]|$)/i.exec(tag.trim()) : null;
  return m?.[1]?.toLowerCase() ?? null;
};

const bylinePrefix = /^(?:by|por|de|texto de|reporting by)\s+/i;

/**
 * Reads an HTML page without fetching anything (linkedom neither loads nor runs anything): the article's
 * paragraphs from Readability (or, when it finds none or the page is huge, the body less its navigation),
 * and title, byline, publisher, date and language from JSON-LD, meta tags and `<html lang>`.
 */
export function readHtml(page: string): HtmlArticle {
  // Nesting is bounded before parsing: the parser's time grows with the depth of every tag.
  const html = boundNesting(page, undefined, inline);
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  const ld = jsonLdArticles(document);
  const fromLd = (key: string) => ld.map((o) => o[key]).find((v) => v !== undefined && v !== null);
  const publisherLd = fromLd('publisher');
  // Counted in the markup: linkedom's getElementsByTagName('*') does not count every element.
  const elements = (html.match(/<[a-z]/gi) ?? []).length;
  let paragraphs: string[] = [];
  let article: ReturnType<Readability<DomNode>['parse']> = null;
  // Readability's scoring grows with the page's size times its depth: a huge or deeply nested page is read
  // as it stands (its body less navigation), in one linear walk.
  const plain =
    elements > readabilityElementLimit || depthOver(document.documentElement, readabilityDepthLimit);
  if (!plain) {
    try {
      article = new Readability<DomNode>(document as never, {
        serializer: (node: unknown) => node as DomNode,
        charThreshold: 200,
      }).parse();
    } catch {
      article = null;
    }
    if (article?.content) paragraphs = blockTexts(article.content);
  }
  if (paragraphs.length === 0) {
    // Readability changes the page as it reads it: read the body from a fresh parse if it ran.
    const page = plain ? document : (parseHTML(html) as unknown as { document: DomDocument }).document;
    const body = page.body ?? page.documentElement;
    paragraphs = body ? blockTexts(body, new Set([...skipped, ...furniture])) : [];
  }
  const title =
    text(fromLd('headline')) ??
    meta(document, 'og:title', 'twitter:title', 'dc.title') ??
    text(article?.title) ??
    text(document.title);
  const byline =
    names(fromLd('author')) ??
    meta(document, 'author', 'article:author', 'parsely-author', 'dc.creator', 'sailthru.author') ??
    text(article?.byline);
  const publishedAt = [
    fromLd('datePublished'),
    meta(
      document,
      'article:published_time',
      'og:published_time',
      'og:article:published_time',
      'datepublished',
      'parsely-pub-date',
      'dc.date',
      'dc.date.issued',
      'dcterms.created',
      'dcterms.date',
      'date',
      'pubdate',
      'publish-date',
      'publication_date',
      'sailthru.date',
      'citation_publication_date',
    ),
    article?.publishedTime,
  ]
    .map((v) => (typeof v === 'string' ? isoDate(v) : null))
    .find((v) => v !== null);
  return {
    title: title ? cleanLine(title) : null,
    byline: byline && !/^https?:/.test(byline) ? cleanLine(byline).replace(bylinePrefix, '') || null : null,
    publisher:
      meta(document, 'og:site_name', 'application-name') ??
      (isObject(publisherLd) ? text(publisherLd.name) : text(publisherLd)) ??
      text(article?.siteName),
    publishedAt: publishedAt ?? null,
    language:
      language(document.documentElement?.getAttribute('lang')) ??
      language(meta(document, 'content-language', 'og:locale', 'dc.language', 'language')) ??
      language(article?.lang),
    paragraphs: paragraphs.filter((p) => !adLabel.test(p)),
  };
}

// The label of an advertising slot, left behind when its content was a script.
const adLabel = /^(?:publicidad|publicidade|advertisement|advertising|anuncio|anúncio|ad)$/i;

/** The charset an HTML page declares in its first KiB (`<meta charset>` or `http-equiv` Content-Type), or null. */
export function declaredHtmlCharset(head: string): string | null {
  const start = head.slice(0, 1024);
  return (
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(start)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(start)?.[1] ??
    null
  );
}

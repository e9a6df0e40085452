// htmlparser2 (linkedom's parser) keeps its open elements in an array it grows with unshift() and searches
// with indexOf(), so every tag costs time in proportion to the depth of nesting: 100,000 unclosed <div> take
// seconds, a million minutes. This pass, linear in the markup, bounds the depth the parser sees. It follows the
// parser's own rules for which elements nest (void elements, tags that close others, raw text), and leaves
// the markup untouched unless the page nests deeper than the bound, which no real page does.

/** Elements nest at most this deep in what the parser is given. */
export const nestingLimit = 512;

// What htmlparser2 10 treats as void, as raw text, and which open tag closes which open elements.
const voidElements = new Set(
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
);
const rawText = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const rawTextEnd = new Map([...rawText].map((name) => [name, new RegExp(`</${name}`, 'gi')]));
const foreignElements = new Set(['math', 'svg']);
const integrationElements = new Set([
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'annotation-xml',
  'foreignobject',
  'desc',
  'title',
]);
const closesP = new Set(['p']);
const formTags = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const impliedClose = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map(
    (name) => [name, formTags] as [string, Set<string>],
  ),
  ...(
    'h1 h2 h3 h4 h5 h6 p address article aside blockquote details div dl fieldset figcaption figure footer form ' +
    'header hr main nav ol pre section table ul'
  )
    .split(' ')
    .map((name) => [name, closesP] as [string, Set<string>]),
]);

const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// Where a tag name ends: white space, "/" or ">".
const endsName = (c: number) => c === 47 || c === 62 || c === 32 || (c >= 9 && c <= 13);

// The index of the ">" that ends the tag whose attributes start at `from` (quoted values may hold ">"), or the
// end of the markup when there is none.
function tagEnd(html: string, from: number): number {
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === 62) return i;
    if (c === 61) {
      // After "=", a quoted value runs to its closing quote.
      let j = i + 1;
      while (j < html.length && /\s/.test(html.charAt(j))) j++;
      const quote = html.charAt(j);
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1);
        if (close < 0) return html.length;
        i = close;
      } else i = j - 1;
    }
  }
  return html.length;
}

/**
 * The markup with elements nested deeper than `limit` left out: their text stays where it is, and a block
 * element's tags become `<br>` so its text is still a paragraph of its own (inline elements' tags are dropped).
 * Markup that never nests that deep is returned as it is.
 */
export function boundNesting(
  html: string,
  limit: number = nestingLimit,
  inline: ReadonlySet<string> = new Set(),
): string {
  const open: string[] = [];
  // Whether each open svg/math (true) or HTML integration point (false) makes "/>" close its element.
  const foreign: boolean[] = [];
  // Elements left out and not yet closed, by name: they are the innermost open ones.
  const hidden = new Map<string, number>();
  const out: string[] = [];
  let copied = 0;
  // Where the last <br> put in ends: tags left out with nothing between them make one break, not thousands.
  let broken = -1;
  const replace = (from: number, to: number, name: string) => {
    if (from > copied) out.push(html.slice(copied, from));
    if (!inline.has(name) && broken !== from) out.push('<br>');
    if (!inline.has(name) || broken === from) broken = to;
    copied = to;
  };
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length - 1) {
    const next = html.charCodeAt(i + 1);
    let resume = i + 1;
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      resume = close < 0 ? html.length : close + 3;
    } else if (next === 33 || next === 63) {
      // <!doctype ...>, <![CDATA[ ...]]> and <?...>: to the next ">"
      const close = html.indexOf('>', i + 2);
      resume = close < 0 ? html.length : close + 1;
    } else if (next === 47 && isAlpha(html.charCodeAt(i + 2))) {
      let j = i + 2;
      while (j < html.length && !endsName(html.charCodeAt(j))) j++;
      const name = html.slice(i + 2, j).toLowerCase();
      const end = tagEnd(html, j);
      resume = end + 1;
      const left = hidden.get(name) ?? 0;
      if (left > 0) {
        hidden.set(name, left - 1);
        replace(i, resume, name);
      } else closeTag(name, open, foreign);
    } else if (isAlpha(next)) {
      let j = i + 1;
      while (j < html.length && !endsName(html.charCodeAt(j))) j++;
      const name = html.slice(i + 1, j).toLowerCase();
      const end = tagEnd(html, j);
      resume = end + 1;
      const closes = impliedClose.get(name);
      if (closes) while (open.length > 0 && closes.has(open.at(-1) ?? '')) open.pop();
      const selfClosing = html.charCodeAt(end - 1) === 47 && foreign.at(-1) === true;
      if (rawText.has(name)) {
        // Its content is text up to its own end tag, whatever it holds.
        const closer = rawTextEnd.get(name) ?? /<\//g;
        closer.lastIndex = resume;
        resume = closer.exec(html)?.index ?? html.length;
        open.push(name);
      } else if (!voidElements.has(name) && !selfClosing) {
        if (open.length >= limit) {
          hidden.set(name, (hidden.get(name) ?? 0) + 1);
          replace(i, resume, name);
        } else {
          open.push(name);
          if (foreignElements.has(name)) foreign.push(true);
          else if (integrationElements.has(name)) foreign.push(false);
        }
      }
    }
    i = html.indexOf('<', resume);
  }
  if (out.length === 0) return html;
  out.push(html.slice(copied));
  return out.join('');
}

// A close tag: it closes the innermost open element of its name and every element inside that one.
function closeTag(name: string, open: string[], foreign: boolean[]) {
  if (foreignElements.has(name) || integrationElements.has(name)) foreign.pop();
  if (voidElements.has(name)) return;
  const at = open.lastIndexOf(name);
  if (at >= 0) open.length = at;
}

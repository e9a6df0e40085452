import { perLanguages, type Languages } from './lang/languages.js';
import type { QuoteWords } from './lang/pack.js';
import { nameCuesOf } from './name-cues.js';
import type { Span } from './types.js';

/** A statement attributed to a person: the speaker's name and the exact span of what was said. */
export interface Quote extends Span {
  speaker: string;
  text: string;
}

/** A person named in the paragraph, with the canonical name to report as speaker. */
export interface Speaker extends Span {
  name: string;
}

/** The key of a role word: one for its genders ("presidente", "presidenta", "president"). */
export const roleKey = (word: string) => word.toLowerCase().replace(/(?<=[rt])[ae]$|(?<=[rnti])a$|o$/u, '');

/**
 * The role a person is introduced with, from the title word nearest before the name in its sentence
 * ("el ministro de Comercio Exterior, Édgar Vásquez") or right after it ("Jorge Heine, former ambassador").
 */
export function roleOf(languages: Languages, text: string, span: Span): string | null {
  const { roleWord, roleLeadAfter, isRole } = quotesOf(languages);
  const before =
    text
      .slice(Math.max(0, span.start - 60), span.start)
      .split(/[.!?]\s/u)
      .at(-1) ?? '';
  const found = [...before.matchAll(roleWord)].at(-1)?.[1];
  if (found) return roleKey(found);
  const after = roleLeadAfter.exec(text.slice(span.end, span.end + 60));
  const word = after?.[1];
  return word && isRole.test(word) ? roleKey(word) : null;
}

const quotePattern = /[“"«]([^“”"«»]{12,}?)[”"»]/gu;

/** The words of speech and roles in every language, composed once. */
const quotesOf = perLanguages((languages) => {
  const words = (pick: (q: QuoteWords) => readonly string[]) =>
    languages.union((p) => pick(p.quotes)).join('|') || '(?!)';
  const { roles: TITLE_WORDS, speechVerbs, titles } = nameCuesOf(languages);
  // "the Argentine ambassador said", "dijo el mandatario", "o presidente afirmou": a role that speaks.
  const ROLE_PHRASE = `(?:${words((q) => q.roleArticles)})\\s+(?:[\\p{L}-]+\\s+){0,2}?(${TITLE_WORDS})`;
  const verb = `(?:${speechVerbs})`;
  // A speaker's name as written next to the verb: up to four capitalised words ("Yuan", "Lula da Silva").
  const NAME = String.raw`[\p{Lu}][\p{L}'’-]*(?:\s+(?:(?:${words((q) => q.nameParticles)})\s+)?[\p{Lu}][\p{L}'’-]*){0,3}`;
  const that = words((q) => q.that);
  return {
    roleWord: new RegExp(`(?<![\\p{L}])(${TITLE_WORDS})(?![\\p{L}])`, 'giu'),
    roleLeadAfter: new RegExp(
      String.raw`^,\s+(?:(?:${words((q) => q.roleLeads)})\s+){0,2}(?:[\p{L}-]+\s+){0,2}?(\p{L}[\p{L}-]*)`,
      'u',
    ),
    isRole: new RegExp(`^(?:${TITLE_WORDS})$`, 'iu'),
    pronoun: new RegExp(`^(?:${words((q) => q.pronouns)})$`, 'u'),
    roleAfterQuote: new RegExp(
      `^[,.]?\\s*(?:${ROLE_PHRASE}\\s+(?:${speechVerbs})|(?:${speechVerbs})\\s+${ROLE_PHRASE})(?![\\p{L}])`,
      'iu',
    ),
    roleBeforeVerb: new RegExp(`${ROLE_PHRASE}\\s+$`, 'iu'),
    roleAfterVerb: new RegExp(`^\\s+${ROLE_PHRASE}(?![\\p{L}])`, 'iu'),
    afterQuote: new RegExp(`^[,.]?\\s*(?:${verb}\\s+(?<after>${NAME})|(?<subject>${NAME})\\s+${verb})`, 'u'),
    beforeQuote: new RegExp(
      `(?<subject>${NAME})\\s*,?[^.“"]{0,120}?\\s${verb}(?:\\s+(?:${that}))?\\s*[:,]?\\s*$`,
      'u',
    ),
    verbRightAfterQuote: new RegExp(`^[,.]?\\s*(${verb})(?![\\p{L}])`, 'iu'),
    titleWords: new Set([...titles].map((t) => t.toLowerCase())),
    roleWords: new RegExp(`^(?:${words((q) => q.introducingRoles)})$`, 'iu'),
    reported: new RegExp(`(?:^|[\\s,])(${verb})(?:\\s+(?:${that}))?\\s+`, 'giu'),
    thatAhead: new RegExp(`^[^;:“"]{0,60}?\\s(?:${that})\\s+`, 'iu'),
    thatBehind: new RegExp(`(?:${that})\\s+$`, 'iu'),
  };
});

/**
 * Finds direct quotes ("…," said Yuan) and reported speech (Heine noted that …; afirmó; disse) in one paragraph.
 * The speaker is a person named next to the speech verb, across an appositive ("X, former ambassador, noted"),
 * or the last speaker when a pronoun speaks ("He added that …").
 */
export function findQuotes(
  languages: Languages,
  text: string,
  paragraph: Span,
  sentences: Span[],
  people: Speaker[],
  lastSpeaker: string | null,
  roles: ReadonlyMap<string, string> = new Map(),
): { quotes: Quote[]; lastSpeaker: string | null } {
  const {
    pronoun,
    afterQuote,
    verbRightAfterQuote,
    roleAfterQuote,
    beforeQuote,
    reported,
    roleBeforeVerb,
    roleAfterVerb,
    thatAhead,
    thatBehind,
  } = quotesOf(languages);
  const byRole = (word: string | undefined) => (word ? (roles.get(roleKey(word)) ?? null) : null);
  const quotes: Quote[] = [];
  let last = lastSpeaker;
  // People in text order, found by binary search: a search of the paragraph's people for every quote and verb
  // would be quadratic in a huge paragraph.
  const speakers = [...people].sort((a, b) => a.start - b.start);
  const personAt = (start: number, end: number) => {
    const p = speakers[firstFrom(speakers, start)];
    return p && p.start < end ? p : undefined;
  };
  const resolve = (said: string | undefined, at: number): string | null => {
    if (!said) return null;
    const word = said.trim().split(/\s+/)[0] ?? '';
    if (pronoun.test(word)) return last;
    return personAt(at, at + said.length + 1)?.name ?? null;
  };
  const body = text.slice(paragraph.start, paragraph.end);
  const direct: Span[] = [];
  for (const m of body.matchAll(quotePattern)) {
    const inner = m[1] ?? '';
    const start = paragraph.start + (m.index ?? 0) + 1;
    const end = start + inner.length;
    // Attributions sit right next to the quote: look 160 characters either side, so long paragraphs stay linear.
    const tail = afterQuote.exec(text.slice(end + 1, Math.min(paragraph.end, end + 161)));
    let speaker: string | null = null;
    let attribution = tail?.[0].length ?? 0;
    if (tail?.groups?.after)
      speaker = resolve(tail.groups.after, end + 1 + tail[0].length - tail.groups.after.length);
    else if (tail?.groups?.subject)
      speaker = resolve(tail.groups.subject, end + 1 + tail[0].indexOf(tail.groups.subject));
    if (!speaker) {
      // "…”, dijo el gerente del metro, Andrés Escobar."
      const v = verbRightAfterQuote.exec(text.slice(end + 1, Math.min(paragraph.end, end + 40)));
      if (v) {
        speaker = personAfterRole(languages, text, end + 1 + v[0].length, speakers);
        attribution = v[0].length;
      }
    }
    if (!speaker) {
      const r = roleAfterQuote.exec(text.slice(end + 1, Math.min(paragraph.end, end + 80)));
      if (r) {
        speaker = byRole(r[1] ?? r[2]);
        attribution = r[0].length;
      }
    }
    if (!speaker) {
      const from = Math.max(paragraph.start, start - 161);
      const head = beforeQuote.exec(text.slice(from, start - 1));
      if (head?.groups?.subject) speaker = resolve(head.groups.subject, from + head.index);
    }
    // The attribution ("said Yuan") belongs to this quote, not to reported speech.
    direct.push({ start: start - 1, end: end + 1 + attribution });
    if (!speaker) continue;
    quotes.push({ speaker, text: inner, start, end });
    last = speaker;
  }
  // Verbs come in text order, and so do the direct quotes: a verb is inside one when a quote that starts before
  // it ends after it (the furthest end of those started so far says).
  let nextDirect = 0;
  let directEnd = -1;
  for (const sentence of sentences) {
    const s = text.slice(sentence.start, sentence.end);
    reported.lastIndex = 0;
    for (let m = reported.exec(s); m; m = reported.exec(s)) {
      const verbStart = sentence.start + m.index + m[0].indexOf(m[1] ?? '');
      for (; nextDirect < direct.length && (direct[nextDirect]?.start ?? 0) <= verbStart; nextDirect++)
        directEnd = Math.max(directEnd, direct[nextDirect]?.end ?? 0);
      if (directEnd > verbStart) continue;
      const speaker =
        speakerOf(languages, text, sentence, verbStart, verbStart + (m[1] ?? '').length, speakers) ??
        (pronoun.test(s.split(/\s+/)[0] ?? '') ? last : null) ??
        byRole(
          roleBeforeVerb.exec(text.slice(Math.max(sentence.start, verbStart - 60), verbStart))?.[1] ??
            roleAfterVerb.exec(text.slice(verbStart + (m[1] ?? '').length, sentence.end))?.[1],
        );
      if (!speaker) continue;
      let start = sentence.start + m.index + m[0].length;
      // "said on Thursday (Oct. 9) that the inauguration…": what was said starts after "that".
      const that = thatAhead.exec(text.slice(start, Math.min(sentence.end, start + 70)));
      if (that && !thatBehind.test(m[0])) start += that[0].length;
      const end = sentence.end - (/[.!?]$/.test(s) ? 1 : 0);
      if (end - start < 12) continue;
      quotes.push({ speaker, text: text.slice(start, end), start, end });
      last = speaker;
      break;
    }
  }
  return { quotes: quotes.sort((a, b) => a.start - b.start), lastSpeaker: last };
}

// The person who speaks with the verb at [verbStart, verbEnd): right before it, before an appositive, or right after.
function speakerOf(
  languages: Languages,
  text: string,
  sentence: Span,
  verbStart: number,
  verbEnd: number,
  people: Speaker[],
): string | null {
  const inSentence = people
    .slice(firstFrom(people, sentence.start), firstFrom(people, sentence.end))
    .filter((p) => p.end <= sentence.end);
  const before = inSentence.filter((p) => p.end <= verbStart).at(-1);
  if (before) {
    const between = text.slice(before.end, verbStart);
    if (/^\s*,?\s*$/.test(between) || /^,[^;]*,\s*$/.test(between)) return before.name;
    const first = inSentence[0];
    if (first && first.end <= verbStart && /^,[^;]*,\s*$/.test(text.slice(first.end, verbStart)))
      return first.name;
  }
  const after = inSentence.find((p) => p.start >= verbEnd && /^\s*$/.test(text.slice(verbEnd, p.start)));
  return after?.name ?? personAfterRole(languages, text, verbEnd, inSentence);
}

/**
 * The person named after a speech verb across the role that introduces them: "afirmó el presidente Luis Arce",
 * "dijo el gerente del metro, Andrés Escobar", "assured the president of Huawei Cloud and AI Chile, Jason Jin".
 * The words between must stay in one clause and end with a comma or a title or role word.
 */
function personAfterRole(
  languages: Languages,
  text: string,
  verbEnd: number,
  people: Speaker[],
): string | null {
  const { titleWords, roleWords } = quotesOf(languages);
  const next = people[firstFrom(people, verbEnd)];
  if (!next || next.start - verbEnd > 90) return null;
  const between = text.slice(verbEnd, next.start);
  if (/[.!?;:“”"«»()]/.test(between)) return null;
  const lastWord = /(\p{L}[\p{L}-]*)\s*$/u.exec(between)?.[1]?.toLowerCase() ?? '';
  const introduced = /,\s*$/.test(between) || titleWords.has(lastWord) || roleWords.test(lastWord);
  return introduced ? next.name : null;
}

// The index of the first of `people` (in text order) that starts at or after `at`: `people.length` when none does.
function firstFrom(people: readonly Speaker[], at: number): number {
  let lo = 0;
  let hi = people.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((people[mid]?.start ?? 0) >= at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

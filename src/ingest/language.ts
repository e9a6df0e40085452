// Frequent short words of each language that the others rarely use; enough to tell en, es and pt apart.
const markers: Record<string, string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'is',
    'that',
    'for',
    'with',
    'was',
    'has',
    'by',
    'its',
    'which',
    'from',
    'have',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'del',
    'y',
    'en',
    'que',
    'por',
    'con',
    'una',
    'para',
    'es',
    'se',
    'según',
    'más',
  ],
  pt: [
    'o',
    'os',
    'as',
    'do',
    'da',
    'dos',
    'das',
    'e',
    'em',
    'que',
    'por',
    'com',
    'uma',
    'para',
    'não',
    'mais',
    'ao',
    'no',
    'na',
  ],
};

/**
 * Tells whether a text is English, Spanish or Portuguese from its function words, or Chinese from its script.
 * Returns null when there is too little text to tell.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 20000);
  const han = (sample.match(/\p{Script=Han}/gu) ?? []).length;
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters > 0 && han / letters > 0.3) return 'zh';
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 3) return null;
  const scores = Object.fromEntries(Object.keys(markers).map((lang) => [lang, 0]));
  const sets = Object.entries(markers).map(([lang, list]) => [lang, new Set(list)] as const);
  for (const word of words)
    for (const [lang, set] of sets) if (set.has(word)) scores[lang] = (scores[lang] ?? 0) + 1;
  // Letters only one of the languages writes.
  scores.es = (scores.es ?? 0) + (sample.match(/ñ/giu) ?? []).length;
  scores.pt = (scores.pt ?? 0) + (sample.match(/[ãõç]/giu) ?? []).length;
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 1 || (second && best[1] === second[1])) return null;
  return best[0];
}

// Seeded randomness for corpora, benchmarks and tests: the same seed gives the same sequence on every run.

/** A random number source in [0, 1). */
export type Random = () => number;

/** mulberry32: a small, fast seeded PRNG (not for secrets). */
export function prng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One item of a non-empty list. */
export const pick = <T>(items: readonly T[], random: Random): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Years move together by `yearShift`; other digit runs get new digits of the same length and shape. */
export function varyNumbers(text: string, random: Random, yearShift: number): string {
  return text.replace(/\d+/g, (digits) => {
    const n = Number(digits);
    if (digits.length === 4 && n >= 1950 && n <= 2039) return String(n + yearShift);
    let out = '';
    for (let i = 0; i < digits.length; i++) {
      const leading = i === 0 && digits.length > 1;
      out += String(leading ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10));
    }
    return out;
  });
}

/** A positive number given on the command line as `NAME value`, or the fallback. */
export function numberOption(name: string, fallback: number, argv = process.argv): number {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} takes a positive number`);
  return value;
}

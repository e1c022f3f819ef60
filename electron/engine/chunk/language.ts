import { detectAll } from 'tinyld';

/**
 * Language of a chunk: BCP-47 primary subtag, or `und` when unsure. Scripts used by one language
 * (Thai, Hangul, Kana, Hebrew, Greek, …) decide on their own — statistical detectors are weakest on
 * short CJK/Thai text and confuse Hebrew with Yiddish. Latin, Cyrillic, Arabic and Devanagari text goes
 * to tinyld (offline n-gram profiles, 64 languages), restricted to the script's languages and accepted
 * only with a clear lead.
 */

/** Characters of the script census; tinyld gets fewer: it costs ≈ 2 µs a character (1.3 ms for 600). */
const SAMPLE_CHARS = 600;
const DETECTOR_CHARS = 300;
const MIN_LETTERS = 3;
/**
 * tinyld's best candidate is taken when its score is at least 0.1 and twice the runner-up's. Its
 * scores are low even when sure (0.17–0.24 for plain English prose from the corpus, next ≈ 0.02),
 * and close when it is not (`Hello World`: en 0.101, it 0.100).
 */
const MIN_ACCURACY = 0.1;
const MIN_RATIO = 2;

const SINGLE_LANGUAGE_SCRIPTS: readonly [RegExp, string][] = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Lao}/u, 'lo'],
  [/\p{Script=Khmer}/u, 'km'],
  [/\p{Script=Myanmar}/u, 'my'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Georgian}/u, 'ka'],
  [/\p{Script=Armenian}/u, 'hy'],
  [/\p{Script=Ethiopic}/u, 'am'],
  [/\p{Script=Sinhala}/u, 'si'],
  [/\p{Script=Tibetan}/u, 'bo'],
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Tamil}/u, 'ta'],
  [/\p{Script=Telugu}/u, 'te'],
  [/\p{Script=Kannada}/u, 'kn'],
  [/\p{Script=Malayalam}/u, 'ml'],
  [/\p{Script=Gujarati}/u, 'gu'],
  [/\p{Script=Gurmukhi}/u, 'pa'],
];

/** Scripts shared by many languages, and the languages tinyld may answer for each. */
const SHARED_SCRIPTS: readonly [string, RegExp, ReadonlySet<string>][] = [
  ['Latin', /\p{Script=Latin}/u, new Set()],
  ['Cyrillic', /\p{Script=Cyrillic}/u, new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'mn', 'tg', 'tt'])],
  ['Arabic', /\p{Script=Arabic}/u, new Set(['ar', 'fa', 'ur', 'ps', 'ku', 'sd', 'ug'])],
  ['Devanagari', /\p{Script=Devanagari}/u, new Set(['hi', 'mr', 'ne', 'sa'])],
];
const NON_LATIN_CODES = new Set(SHARED_SCRIPTS.flatMap(([, , codes]) => [...codes]));

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LETTER = /\p{L}/u;

interface ScriptCounts {
  letters: number;
  han: number;
  kana: number;
  byName: Map<string, number>;
}

/** Script class of a code point: `han`, `kana`, a language code, a shared script name, `other` or `` (not a letter). */
const scriptCache = new Map<number, string>();

function scriptOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a ? 'Latin' : '';
  const cached = scriptCache.get(code);
  if (cached !== undefined) return cached;
  let name = '';
  if (LETTER.test(char)) {
    if (HAN.test(char)) name = 'han';
    else if (KANA.test(char)) name = 'kana';
    else {
      const single = SINGLE_LANGUAGE_SCRIPTS.find(([pattern]) => pattern.test(char));
      const shared = single ? undefined : SHARED_SCRIPTS.find(([, pattern]) => pattern.test(char));
      name = single ? single[1] : (shared?.[0] ?? 'other');
    }
  }
  if (scriptCache.size < 100_000) scriptCache.set(code, name);
  return name;
}

function countScripts(sample: string): ScriptCounts {
  const counts: ScriptCounts = { letters: 0, han: 0, kana: 0, byName: new Map() };
  for (const char of sample) {
    const name = scriptOf(char);
    if (name === '') continue;
    counts.letters += 1;
    if (name === 'han') counts.han += 1;
    else if (name === 'kana') counts.kana += 1;
    else counts.byName.set(name, (counts.byName.get(name) ?? 0) + 1);
  }
  return counts;
}

function detectWithin(sample: string, script: string): string {
  const allowed = SHARED_SCRIPTS.find(([name]) => name === script)?.[2];
  const candidates = detectAll(sample.slice(0, DETECTOR_CHARS)).filter(({ lang }) =>
    lang.length !== 2
      ? false
      : script === 'Latin'
        ? !NON_LATIN_CODES.has(lang) && !['ja', 'zh', 'ko', 'th', 'he', 'el'].includes(lang)
        : (allowed?.has(lang) ?? false),
  );
  const [best, next] = candidates;
  if (!best || best.accuracy < MIN_ACCURACY) return 'und';
  if (next && best.accuracy < MIN_RATIO * next.accuracy) return 'und';
  return best.lang;
}

export function detectLanguage(text: string): string {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const counts = countScripts(sample);
  if (counts.letters < MIN_LETTERS) return 'und';
  // A CJK character carries about as much as a short word: weigh it double against alphabetic letters.
  const cjk = (counts.han + counts.kana) * 2;
  let topName = 'cjk';
  let topCount = cjk;
  for (const [name, count] of counts.byName) {
    if (count > topCount) [topName, topCount] = [name, count];
  }
  const weighted = counts.letters + counts.han + counts.kana;
  if (topCount / weighted < 0.5) return 'und';
  if (topName === 'cjk') {
    // Japanese text nearly always has kana; Chinese has none. A few Han characters alone say too little.
    if (counts.kana >= Math.max(1, 0.05 * (counts.han + counts.kana))) return 'ja';
    return counts.han >= 4 ? 'zh' : 'und';
  }
  if (topName === 'other') return 'und';
  if (SHARED_SCRIPTS.some(([name]) => name === topName)) return detectWithin(sample, topName);
  return topName;
}

import type { Script } from '../schemas/person.ts';
import { detectScript } from './script.ts';

/** Harakat, shadda, sukun, superscript alef, Quranic marks and tatweel. */
const arabicMarks = /[\u0610-\u061A\u0640\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08FF]/g;

/** In-script folding of Arabic, Persian and Pashto letters for coarse matching. */
const arabicLetterMap: Readonly<Record<string, string>> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ې: 'ي',
  ۍ: 'ي',
  ے: 'ي',
  ئ: 'ي',
  ؤ: 'و',
  ة: 'ه',
  ۀ: 'ه',
  ە: 'ه',
  ہ: 'ه',
  ھ: 'ه',
  ک: 'ك',
  ګ: 'ك',
  گ: 'ك',
  ټ: 'ت',
  ډ: 'د',
  ړ: 'ر',
  ږ: 'ز',
  ښ: 'ش',
  ڼ: 'ن',
  ء: '',
};

export function stripArabicMarks(value: string): string {
  return value.replace(arabicMarks, '');
}

function foldArabic(value: string): string {
  let out = '';
  for (const char of stripArabicMarks(value)) out += arabicLetterMap[char] ?? char;
  return out;
}

// Ethiopic rows of homophones, by the code point of their first order: ሐ ኀ → ሀ, ሠ → ሰ, ዐ → አ, ፀ → ጸ.
const ethiopicRowMap: ReadonlyMap<number, number> = new Map([
  [0x1210, 0x1200],
  [0x1280, 0x1200],
  [0x1220, 0x1230],
  [0x12d0, 0x12a0],
  [0x1340, 0x1338],
]);
/** Laryngeal rows whose first (ä) and fourth (a) orders sound alike in Amharic. */
const laryngealRows = new Set([0x1200, 0x12a0]);

export function foldEthiopicChar(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  if (cp < 0x1200 || cp > 0x137f) return char;
  if (cp >= 0x1360 && cp <= 0x1368) return ' ';
  const order = cp & 7;
  const row = ethiopicRowMap.get(cp - order) ?? cp - order;
  const folded = laryngealRows.has(row) && order === 3 ? 0 : order;
  return String.fromCodePoint(row + folded);
}

function foldEthiopic(value: string): string {
  let out = '';
  for (const char of value) out += foldEthiopicChar(char);
  return out;
}

const latinSpecials: Readonly<Record<string, string>> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
  ð: 'd',
  ħ: 'h',
};

/** Scripts whose combining marks are diacritics that spellings drop; in Indic scripts marks are vowels. */
const marksAreDiacritics = new Set<Script>(['Latn', 'Cyrl', 'Grek', 'Arab', 'Hebr', 'Zyyy']);

function stripDiacritics(value: string): string {
  let out = '';
  for (const char of value.normalize('NFKD').replace(/\p{M}/gu, '')) out += latinSpecials[char] ?? char;
  return out.normalize('NFC');
}

/**
 * In-script normalisation of a name: folds letter variants that spellings of one name mix, strips
 * diacritics and vowel marks, lowercases, turns hyphens and punctuation into single spaces and drops
 * apostrophes. A slash is kept because Ethiopian names abbreviate with it (G/Medhin).
 */
export function normaliseName(value: string, script?: Script): string {
  const effective = script ?? detectScript(value);
  let text = value.normalize('NFKC');
  text = foldEthiopic(foldArabic(text)).toLowerCase();
  if (marksAreDiacritics.has(effective)) text = stripDiacritics(text);
  return text
    .replace(/['’‘ʼʻʿʾ`´′]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}/]+/gu, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim();
}

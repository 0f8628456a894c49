import { stripArabicMarks } from './normalise.ts';
import { cons, consonantSymbol, type Unit, vowel } from './units.ts';

/** Latin spellings of each consonant letter (Arabic, Persian, Pashto), the usual one first. */
const consonantSpellings: Readonly<Record<string, readonly string[]>> = {
  ب: ['b'],
  پ: ['p', 'b'],
  ت: ['t'],
  ټ: ['t'],
  ث: ['th', 's', 't'],
  ج: ['j', 'g'],
  چ: ['ch'],
  ح: ['h'],
  خ: ['kh', 'h'],
  څ: ['ts', 's'],
  ځ: ['dz', 'z'],
  د: ['d'],
  ډ: ['d'],
  ذ: ['dh', 'z', 'd'],
  ر: ['r'],
  ړ: ['r'],
  ز: ['z'],
  ژ: ['zh', 'j'],
  ږ: ['zh', 'g'],
  س: ['s'],
  ش: ['sh'],
  ښ: ['sh', 'kh'],
  ص: ['s'],
  ض: ['d', 'dh', 'z'],
  ط: ['t', 'd'],
  ظ: ['z', 'dh', 'd'],
  غ: ['gh', 'g'],
  ف: ['f'],
  ق: ['q', 'k', 'g'],
  ك: ['k'],
  ک: ['k'],
  گ: ['g'],
  ګ: ['g'],
  ل: ['l'],
  م: ['m'],
  ن: ['n'],
  ڼ: ['n'],
  ه: ['h'],
};

/** An Arabic-script letter read as a unit, with how a key spells it. */
export interface Letter {
  readonly unit: Unit;
  readonly spell: string;
  readonly alt?: string;
}

const vowelLetters = new Set(['ا', 'و', 'ي', 'ى', 'ة', 'ې', 'ۍ']);

/** Light normalisation for romanising: marks and tatweel go, alef and Persian variants fold, ة and ى stay. */
function prepare(token: string): string[] {
  const mapped: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ی: 'ي', ے: 'ي', ۀ: 'ة', ە: 'ه', ہ: 'ه', ھ: 'ه' };
  return [...stripArabicMarks(token.normalize('NFKC'))].map((c) => mapped[c] ?? c).filter((c) => /\p{Script=Arabic}/u.test(c));
}

function consonantLetter(char: string): Letter | undefined {
  const spellings = consonantSpellings[char];
  if (!spellings) return undefined;
  const [first = '', second] = spellings;
  const unit = cons(consonantSymbol(first), spellings.map(consonantSymbol));
  return second === undefined ? { unit, spell: first } : { unit, spell: first, alt: second };
}

/** Reads و or ي as a consonant (w, y) or a long vowel (u, i) from its neighbours. */
function glideLetter(char: 'و' | 'ي', prev: Unit | undefined, next: string | undefined, afterCarrier: boolean): Letter {
  // After a vowel letter or a word-initial alef/ʿayn it is a consonant (Nawal, Ayman); after a medial ʿayn a vowel (Saʿīd).
  const prevVowel = prev?.kind === 'v' && (!prev.opt || afterCarrier);
  const asConsonant = prev === undefined || prevVowel || (next !== undefined && vowelLetters.has(next));
  if (char === 'و') return asConsonant ? { unit: cons('w', ['w', 'v']), spell: 'w' } : { unit: vowel('u', true), spell: 'u' };
  return asConsonant ? { unit: cons('y', ['y', 'j']), spell: 'y' } : { unit: vowel('i', true), spell: 'i' };
}

const carrierFree = (): Letter => ({ unit: vowel('', false, true), spell: '' });

/** Reads the letter at `i` given the letters read so far; most give one unit, some none or two. */
function readLetter(chars: readonly string[], i: number, read: readonly Letter[]): Letter[] {
  const char = chars[i] ?? '';
  const next = chars[i + 1];
  const first = read.length === 0;
  const last = next === undefined;
  // A word-initial alef or ʿayn before a consonant is always spelt with some vowel in Latin (Ahmad, Omar).
  const carrier = vowel('', first && !last && !vowelLetters.has(next), true);
  switch (char) {
    case 'ا':
      return [first ? { unit: carrier, spell: 'a' } : { unit: vowel('a', true), spell: 'a' }];
    case 'ع':
      return [{ unit: carrier, spell: first ? 'a' : '' }];
    case 'ء':
      return [carrierFree()];
    case 'ئ':
      return [{ ...carrierFree(), spell: 'i' }];
    case 'ؤ':
      return [{ ...carrierFree(), spell: 'u' }];
    case 'ة':
      return [{ unit: vowel('a', true), spell: 'a' }];
    case 'ې':
      return [{ unit: vowel('e', true), spell: 'e' }];
    case 'ۍ':
      return [{ unit: vowel('i', true), spell: 'i' }];
    case 'ى':
      return last ? [{ unit: vowel('a', true), spell: 'a' }] : [glideLetter('ي', read.at(-1)?.unit, next, read.length === 1)];
    case 'ي':
      return [glideLetter('ي', read.at(-1)?.unit, next, read.length === 1)];
    case 'و': {
      const letter = glideLetter('و', read.at(-1)?.unit, next, read.length === 1);
      // One و after alef may stand for wū (داود Dawood, طاوس Tawoos).
      const wu = letter.unit.kind === 'c' && chars[i - 1] === 'ا' && !last && !vowelLetters.has(next);
      return wu ? [letter, carrierFree()] : [letter];
    }
    case 'ه':
      // Final ه is a vowel (Persian -eh, ة written as ه), except after alef (Shah, Allah).
      if (last && !first && chars[i - 1] !== 'ا') return [{ unit: vowel('a', true), spell: 'a' }];
      break;
  }
  const letter = consonantLetter(char);
  return letter ? [letter] : [];
}

function readLetters(chars: readonly string[]): Letter[] {
  const letters: Letter[] = [];
  chars.forEach((_, i) => {
    letters.push(...readLetter(chars, i, letters));
  });
  return letters;
}

const startsWith = (chars: readonly string[], prefix: string): boolean => chars.slice(0, prefix.length).join('') === prefix;
const endsWith = (chars: readonly string[], suffix: string): boolean => chars.slice(-suffix.length).join('') === suffix;

/** Canonical compound endings shared with the Latin side: ...ullah, ...uddin. */
function compoundSuffix(chars: readonly string[]): { stem: string[]; suffix: Letter[] } | undefined {
  if (chars.length > 5 && endsWith(chars, 'الله'))
    return {
      stem: chars.slice(0, -4),
      suffix: [
        { unit: vowel('', false, true), spell: 'u' },
        { unit: cons('l'), spell: 'll' },
        { unit: vowel('a', true), spell: 'ah' },
      ],
    };
  if (chars.length > 6 && endsWith(chars, 'الدين'))
    return {
      stem: chars.slice(0, -5),
      suffix: [
        { unit: vowel('', false, true), spell: 'u' },
        { unit: cons('d'), spell: 'dd' },
        { unit: vowel('i', true), spell: 'i' },
        { unit: cons('n'), spell: 'n' },
      ],
    };
  return undefined;
}

/** One way of reading the token: its units and how keys spell them. */
export interface ArabicReading {
  readonly letters: readonly Letter[];
}

/** Readings of one Arabic-script token: without the article first when it has one. */
export function arabicReadings(token: string): ArabicReading[] {
  let chars = prepare(token);
  if (chars.length === 0) return [];
  // عبد + ال + name: drop the article, as the Latin side drops the linking vowel (Abdul/Abdel/Abdi Rahman).
  if (chars.length > 3 && startsWith(chars, 'عبد')) {
    const rest = chars.slice(3);
    chars = ['ع', 'ب', 'د', ...(startsWith(rest, 'ال') && rest.length > 3 ? rest.slice(2) : rest)];
  }
  const compound = compoundSuffix(chars);
  const stem = compound?.stem ?? chars;
  const suffix = compound?.suffix ?? [];
  const whole: ArabicReading = { letters: [...readLetters(stem), ...suffix] };
  if (startsWith(stem, 'ال') && stem.length >= 5) return [{ letters: [...readLetters(stem.slice(2)), ...suffix] }, whole];
  return [whole];
}

export function readingUnits(reading: ArabicReading): Unit[] {
  return reading.letters.map((l) => l.unit);
}

/** A string that identifies a reading's units. */
export function readingId(reading: ArabicReading): string {
  return reading.letters
    .map((l) => (l.unit.kind === 'c' ? l.unit.alts.join('') : `${l.unit.sym}${l.unit.req ? '!' : ''}${l.unit.opt ? '*' : ''}`))
    .join('.');
}

/** Spells a reading: bare (only written letters), vocalised (a between consonants) and with alternative consonants. */
export function spellReading(reading: ArabicReading, options: { vocalise: boolean; alternative: boolean }): string {
  let out = '';
  let prevConsonant = false;
  reading.letters.forEach((letter, i) => {
    const isConsonant = letter.unit.kind === 'c';
    const next = reading.letters[i + 1]?.unit;
    // A vowel carrier (alef, ʿayn) before a vowel letter is not spelt twice: عائشة → aisha.
    if (letter.unit.kind === 'v' && letter.unit.opt && next?.kind === 'v' && next.sym !== '') return;
    const spelling = options.alternative && letter.alt !== undefined ? letter.alt : letter.spell;
    // Also keep two consonants from reading as a digraph (ز + ه is not zh).
    if (isConsonant && prevConsonant && (options.vocalise || (/[szkgtdcp]$/.test(out) && spelling.startsWith('h')))) out += 'a';
    out += spelling;
    if (letter.spell !== '') prevConsonant = isConsonant;
  });
  return out;
}

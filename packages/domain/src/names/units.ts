/**
 * A name key as a sequence of sound units, the common ground on which spellings from different
 * scripts are aligned. Consonant symbols are one character: digraphs become capitals
 * (sh→S, kh→X, th→T, dh→D, gh→G, ch→C, zh→Z).
 */
export interface Consonant {
  readonly kind: 'c';
  readonly sym: string;
  /** Symbols this consonant may be written as (Arabic ث: th, s, t). */
  readonly alts: readonly string[];
  /** May be missing in another spelling: a Latin final h after a vowel (Fatimah, Saleh). */
  readonly opt?: boolean;
}
export interface Vowel {
  readonly kind: 'v';
  /** a e i o u, or '' for a vowel of unknown quality. */
  readonly sym: string;
  /** The vowel is certainly written (an Arabic vowel letter, a Latin long vowel). */
  readonly req: boolean;
  /** A slot of unknown quality (Arabic alef or ʿayn at the start, ʿayn and hamza inside); without `req`, it may also stay empty. */
  readonly opt: boolean;
}
export type Unit = Consonant | Vowel;

export const cons = (sym: string, alts: readonly string[] = [sym]): Consonant => ({ kind: 'c', sym, alts });
export const vowel = (sym: string, req: boolean, opt = false): Vowel => ({ kind: 'v', sym, req, opt });

const digraphs: Readonly<Record<string, string>> = {
  sh: 'S',
  kh: 'X',
  th: 'T',
  dh: 'D',
  gh: 'G',
  ch: 'C',
  zh: 'Z',
  ph: 'f',
  ck: 'k',
  dj: 'j',
};
const singles: Readonly<Record<string, string>> = { q: 'k', x: 'X' };

const isVowelChar = (c: string | undefined): boolean => c !== undefined && 'aeiou'.includes(c);

/** Symbol of one consonant spelling ("th" → T). */
export function consonantSymbol(spelling: string): string {
  return digraphs[spelling] ?? singles[spelling] ?? spelling;
}

/** Parses a lowercase Latin key into units; doubled letters collapse and long vowels are marked. */
export function parseLatin(key: string): Unit[] {
  const units: Unit[] = [];
  const push = (unit: Unit): void => {
    const last = units.at(-1);
    if (unit.kind === 'c' && last?.kind === 'c' && last.sym === unit.sym) return;
    units.push(unit);
  };
  let i = 0;
  while (i < key.length) {
    const c = key[i] ?? '';
    const next = key[i + 1];
    const prevVowel = isVowelChar(key[i - 1]);
    if (isVowelChar(c)) {
      if (next === c || (c === 'o' && next === 'u')) {
        push(vowel(c === 'o' ? 'u' : c, true));
        i += 2;
        continue;
      }
      // The second letter of a diphthong (ai, ei, ie, au) stands for a written Arabic ي or و.
      const glide = prevVowel && (c === 'i' || c === 'u');
      push(vowel(c, glide));
      i++;
      continue;
    }
    if (next === c) {
      i++;
      continue;
    }
    if ((c === 'y' || c === 'w') && prevVowel && !isVowelChar(next)) {
      push(vowel(c === 'y' ? 'i' : 'u', true));
      i++;
      continue;
    }
    if (c === 'y' && next === undefined) {
      push(vowel('i', false));
      i++;
      continue;
    }
    if (c === 'h' && next === undefined && prevVowel) {
      push({ ...cons('h'), opt: true });
      break;
    }
    const pair = key.slice(i, i + 2);
    if (digraphs[pair] !== undefined) {
      push(cons(consonantSymbol(pair)));
      i += 2;
      continue;
    }
    if (c === 'c') {
      push(cons(next === 'e' || next === 'i' || next === 'y' ? 's' : 'k'));
      i++;
      continue;
    }
    push(cons(consonantSymbol(c)));
    i++;
  }
  return units;
}

const vowelFold: Readonly<Record<string, string>> = { a: 'a', e: 'i', i: 'i', o: 'u', u: 'u' };

/** One character per unit for Jaro–Winkler: vowels fold to a/i/u and repeats collapse. */
export function foldUnits(units: readonly Unit[]): string {
  let out = '';
  for (const unit of units) {
    const ch = unit.kind === 'c' ? unit.sym : (vowelFold[unit.sym] ?? '');
    if (ch === '' || out.endsWith(ch)) continue;
    out += ch;
  }
  return out;
}

import { jaroWinkler } from './jaroWinkler.ts';
import { type Consonant, foldUnits, type Unit, type Vowel } from './units.ts';

/**
 * Alignment of two spellings as sound units (minimum-cost edit script). Two modes:
 * - `bare`: the first spelling has no short vowels (Arabic script). The other side's short vowels are
 *   filled in for free, consonants may take their usual alternative spellings, and a written (long)
 *   vowel that the other side lacks or contradicts is a conflict; so is a vowel the other side adds at
 *   the very start or end, where Arabic would write it. محمد meets Muhammad but not Mahmoud (whose ou
 *   is a written و) nor Amina.
 * - `arabic`: both are bare; written vowels must correspond.
 * - `spelt`: both spellings write their vowels (Latin, romanised Ethiopic). Vowels that alternate in
 *   spellings of one name (a/e/o, e/i, o/u, i/u) agree; a against i or u is a clash (Jamal, Jamil).
 */
export type AlignMode = 'bare' | 'arabic' | 'spelt';

type Op =
  | { readonly kind: 'sub'; readonly a: Unit; readonly b: Unit }
  | { readonly kind: 'del'; readonly a: Unit }
  | { readonly kind: 'ins'; readonly b: Unit; readonly edge: boolean };

const nearConsonants: readonly string[] = ['dDzt', 'sTzS', 'hX', 'kXgGq', 'jgZy', 'bpvf', 'tT', 'wv', 'CSj'];

function consonantCost(a: Consonant, b: Consonant): number {
  if (a.sym === b.sym || a.alts.includes(b.sym) || b.alts.includes(a.sym)) return 0;
  return nearConsonants.some((g) => g.includes(a.sym) && g.includes(b.sym)) ? 0.4 : 1;
}

/**
 * Vowels that clash: a against i or u. In Latin spellings e stands for any short vowel and o for a or
 * u; but a long u (و, Latin ou/oo) is not spelt e, nor a written ي (long i) o.
 */
const clashing = new Set(['ai', 'ia', 'au', 'ua']);
const longUAsE = new Set(['ue', 'eu', 'oe', 'eo']);
const writtenIAsO = new Set(['io', 'oi']);

function vowelsAgree(a: Vowel, b: Vowel, mode: AlignMode): boolean {
  // Between two Arabic spellings a carrier letter (ʿayn, hamza) is not a written vowel.
  if (mode === 'arabic' && a.opt !== b.opt) return (a.opt ? b : a).req === false;
  if (a.opt || b.opt) return true;
  const pair = a.sym + b.sym;
  if (clashing.has(pair)) return false;
  if (longUAsE.has(pair) && (a.sym === 'e' ? b.req : a.req)) return false;
  return !(mode !== 'spelt' && writtenIAsO.has(pair));
}

/** A vowel against a consonant: only a long vowel against its glide (ي/y, و/w) is a near match. */
function glideCost(a: Unit, b: Unit): number {
  const [v, c] = a.kind === 'v' ? [a, b] : [b, a];
  if (v.kind !== 'v' || c.kind !== 'c') return 2;
  if ((v.sym === 'i' || v.sym === 'e') && c.sym === 'y') return 0.15;
  if ((v.sym === 'u' || v.sym === 'o') && (c.sym === 'w' || c.sym === 'v')) return 0.15;
  return 2;
}

interface Scored {
  readonly cost: number;
  /** A written vowel missing or contradicted (bare), or clashing vowels (spelt). */
  readonly conflict: boolean;
}

function substitution(a: Unit, b: Unit, mode: AlignMode): Scored {
  if (a.kind === 'c' && b.kind === 'c') return { cost: consonantCost(a, b), conflict: false };
  if (a.kind === 'v' && b.kind === 'v') {
    if (vowelsAgree(a, b, mode)) return { cost: a.sym === b.sym || a.opt || b.opt ? 0 : 0.1, conflict: false };
    if (mode === 'spelt') return { cost: 0.3, conflict: true };
    return a.req || b.req ? { cost: 0.6, conflict: true } : { cost: 0.3, conflict: false };
  }
  return { cost: glideCost(a, b), conflict: false };
}

/** Leaving out `unit`; `edge` when it is an inserted vowel before or after the whole bare spelling. */
function gap(unit: Unit, mode: AlignMode, edge: boolean): Scored {
  if (unit.kind === 'c' && unit.opt) return { cost: 0, conflict: false };
  // Spellings drop h and the glides, but hardly ever another consonant.
  if (unit.kind === 'c') return 'hyw'.includes(unit.sym) ? { cost: 0.5, conflict: false } : { cost: 1, conflict: true };
  if (mode === 'spelt') return { cost: 0.35, conflict: false };
  if (unit.opt && !unit.req) return { cost: 0, conflict: false };
  if (unit.req || (edge && unit.sym !== 'e')) return { cost: 0.6, conflict: true };
  return { cost: 0.05, conflict: false };
}

function alignOps(a: readonly Unit[], b: readonly Unit[], mode: AlignMode): Op[] {
  const n = a.length;
  const m = b.length;
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const back = Array.from({ length: n + 1 }, () => new Array<Op['kind']>(m + 1).fill('sub'));
  const c = (i: number, j: number): number => cost[i]?.[j] ?? Number.POSITIVE_INFINITY;
  const put = (i: number, j: number, value: number, kind: Op['kind']): void => {
    (cost[i] as number[])[j] = value;
    (back[i] as Op['kind'][])[j] = kind;
  };
  const insEdge = (i: number, j: number): boolean => (i === 0 && j === 1) || (i === n && j === m);
  for (let i = 1; i <= n; i++) put(i, 0, c(i - 1, 0) + gap(a[i - 1] as Unit, mode, false).cost, 'del');
  for (let j = 1; j <= m; j++) put(0, j, c(0, j - 1) + gap(b[j - 1] as Unit, mode, insEdge(0, j)).cost, 'ins');
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const sub = c(i - 1, j - 1) + substitution(a[i - 1] as Unit, b[j - 1] as Unit, mode).cost;
      const del = c(i - 1, j) + gap(a[i - 1] as Unit, mode, false).cost;
      const ins = c(i, j - 1) + gap(b[j - 1] as Unit, mode, insEdge(i, j)).cost;
      if (sub <= del && sub <= ins) put(i, j, sub, 'sub');
      else if (del <= ins) put(i, j, del, 'del');
      else put(i, j, ins, 'ins');
    }
  }
  const ops: Op[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const kind = i === 0 ? 'ins' : j === 0 ? 'del' : (back[i]?.[j] ?? 'sub');
    if (kind === 'sub') ops.push({ kind, a: a[i - 1] as Unit, b: b[j - 1] as Unit });
    if (kind === 'del') ops.push({ kind, a: a[i - 1] as Unit });
    if (kind === 'ins') ops.push({ kind, b: b[j - 1] as Unit, edge: insEdge(i, j) });
    if (kind !== 'ins') i--;
    if (kind !== 'del') j--;
  }
  return ops.reverse();
}

/** Edit similarity (1 − Levenshtein / longer length). */
export function levenshteinSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + same));
    }
    prev = row;
  }
  return 1 - (prev[b.length] ?? 0) / Math.max(a.length, b.length, 1);
}

/** String similarity of two folded spellings: the mean of Jaro–Winkler and edit similarity. */
export function spellingSimilarity(a: string, b: string): number {
  return (jaroWinkler(a, b) + levenshteinSimilarity(a, b)) / 2;
}

/** How `a` reads when aligned with `b`: the letters on which they agree spelt as `b` spells them. */
export interface Filled {
  readonly filled: Unit[];
  /** `b` without the optional letters it has and `a` lacks. */
  readonly other: Unit[];
  /** Consonants missing; written vowels missing or contradicted (bare, arabic) or clashing vowels (spelt). */
  readonly conflicts: number;
  /** Agreeing vowels of different quality other than e (a/o, i/u): a small cost each. */
  readonly shifts: number;
}

export function fill(a: readonly Unit[], b: readonly Unit[], mode: AlignMode): Filled {
  const filled: Unit[] = [];
  const other: Unit[] = [];
  let conflicts = 0;
  let shifts = 0;
  for (const op of alignOps(a, b, mode)) {
    if (op.kind === 'sub') {
      const { cost, conflict } = substitution(op.a, op.b, mode);
      if (conflict) conflicts++;
      if (isShift(op.a, op.b)) shifts++;
      filled.push(cost <= 0.15 ? op.b : op.a);
      other.push(op.b);
    } else if (op.kind === 'del') {
      if (gap(op.a, mode, false).conflict) conflicts++;
      if (!op.a.opt) filled.push(op.a);
    } else {
      if (gap(op.b, mode, op.edge).conflict) conflicts++;
      else if (op.b.kind === 'v' && mode !== 'spelt') filled.push(op.b);
      if (!(op.b.kind === 'c' && op.b.opt)) other.push(op.b);
    }
  }
  return { filled, other, conflicts, shifts };
}

const vowelClass: Readonly<Record<string, string>> = { a: 'a', i: 'i', u: 'u', o: 'u' };

function isShift(a: Unit, b: Unit): boolean {
  if (a.kind !== 'v' || b.kind !== 'v' || a.opt || b.opt || a.sym === 'e' || b.sym === 'e') return false;
  return vowelClass[a.sym] !== vowelClass[b.sym] && !clashing.has(a.sym + b.sym);
}

/** Penalty per conflict (bare, arabic), per clash or missing consonant and per vowel shift (spelt). */
export const conflictPenalty = 0.2;
export const clashPenalty = 0.1;
export const shiftPenalty = 0.03;

/** Similarity of a bare spelling with another spelling (bare too when `otherBare`). */
export function bareSimilarity(bare: readonly Unit[], other: readonly Unit[], otherBare = false): number {
  const aligned = fill(bare, other, otherBare ? 'arabic' : 'bare');
  return Math.max(0, spellingSimilarity(foldUnits(aligned.filled), foldUnits(aligned.other)) - conflictPenalty * aligned.conflicts);
}

const finalVowel = (units: readonly Unit[]): boolean => {
  const last = units.filter((u) => !(u.kind === 'c' && u.opt)).at(-1);
  return last?.kind === 'v' && last.sym !== 'e';
};

/**
 * Similarity of two spellings that both write their vowels, compared with the vowels they agree on
 * harmonised; clashing vowels, including a final vowel only one has (Amin, Amina), and a consonant
 * only one has (Yasin, Yasmin) are penalised.
 * `boost` lifts the similarity towards 1 before the penalties (a shared phonetic code).
 */
export function speltSimilarity(a: readonly Unit[], b: readonly Unit[], boost = 0): number {
  const { filled, other, conflicts, shifts } = fill(a, b, 'spelt');
  const clashes = conflicts + (finalVowel(a) !== finalVowel(b) ? 1 : 0);
  const similarity = spellingSimilarity(foldUnits(filled), foldUnits(other));
  return Math.max(0, similarity + boost * (1 - similarity) - clashPenalty * clashes - shiftPenalty * shifts);
}

import countries from 'i18n-iso-countries/index.js';
import type { NamePartType } from '../schemas/person.ts';
import { tokenSimilarity } from './similarity.ts';
import { type AnalysedToken, analyseNames, joinTokens, type NameInput } from './tokens.ts';

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/** Weight of each part type in the name score: the given name counts most. */
export const namePartWeights: Readonly<Record<NamePartType, number>> = {
  given: 3,
  father: 2,
  family: 2,
  grandfather: 1,
  nickname: 1,
  other: 1,
};

const lineage = new Set<NamePartType>(['father', 'grandfather', 'family']);

/** Token similarity below which a pair counts as disagreeing, and from which it fully agrees. */
export const tokenAgreement = { disagree: 0.7, agree: 0.95 } as const;
/** Factor on a pair that matches a given name with a father's, grandfather's or family name. */
export const reorderFactor = 0.9;

export interface MatchedToken {
  readonly a: string;
  readonly b: string;
  readonly similarity: number;
}

export interface NameComparison {
  /** 0..1 */
  readonly score: number;
  readonly matchedTokens: MatchedToken[];
}

interface NameDetail extends NameComparison {
  readonly compared: boolean;
  readonly crossScript: boolean;
  readonly reordered: boolean;
}

interface Pair {
  readonly i: number;
  readonly j: number;
  readonly similarity: number;
  readonly effective: number;
  readonly reordered: boolean;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function isReordered(a: NamePartType, b: NamePartType): boolean {
  return (a === 'given' && lineage.has(b)) || (b === 'given' && lineage.has(a));
}

function agreement(similarity: number): number {
  const { disagree, agree } = tokenAgreement;
  return Math.min(1, Math.max(0, (similarity - disagree) / (agree - disagree)));
}

/** Greedy best pairing: take the most similar pair, then the next among the words left. */
function bestPairs(as: readonly AnalysedToken[], bs: readonly AnalysedToken[]): Pair[] {
  const candidates: Pair[] = [];
  as.forEach((a, i) => {
    bs.forEach((b, j) => {
      const similarity = tokenSimilarity(a, b);
      const reordered = isReordered(a.part, b.part);
      candidates.push({ i, j, similarity, reordered, effective: similarity * (reordered ? reorderFactor : 1) });
    });
  });
  candidates.sort((x, y) => y.effective - x.effective || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: Pair[] = [];
  for (const pair of candidates) {
    if (usedA.has(pair.i) || usedB.has(pair.j)) continue;
    usedA.add(pair.i);
    usedB.add(pair.j);
    pairs.push(pair);
  }
  return pairs;
}

/**
 * The name words of one side, and the same with one pair of adjacent words of a part joined, since
 * compound names are written joined or apart (Mohamed Amin, Mohamedamin).
 */
function readings(names: readonly NameInput[]): AnalysedToken[][] {
  const all = analyseNames(names);
  const words = (tokens: readonly AnalysedToken[]): AnalysedToken[] => tokens.filter((t) => t.class === 'name');
  const out = [words(all)];
  all.forEach((token, i) => {
    const next = all[i + 1];
    if (!next || token.class !== 'name' || next.class !== 'name' || token.part !== next.part) return;
    out.push(words([...all.slice(0, i), joinTokens(token, next), ...all.slice(i + 2)]));
  });
  return out;
}

function nameDetail(a: readonly NameInput[], b: readonly NameInput[]): NameDetail {
  const none: NameDetail = { score: 0, matchedTokens: [], compared: false, crossScript: false, reordered: false };
  let best = none;
  for (const as of readings(a)) {
    for (const bs of readings(b)) {
      const detail = pairedDetail(as, bs);
      if (detail.compared && (!best.compared || detail.score > best.score)) best = detail;
    }
  }
  return best;
}

function pairedDetail(as: readonly AnalysedToken[], bs: readonly AnalysedToken[]): NameDetail {
  if (as.length === 0 || bs.length === 0) return { score: 0, matchedTokens: [], compared: false, crossScript: false, reordered: false };
  const pairs = bestPairs(as, bs);
  const weightOf = (t: AnalysedToken | undefined): number => (t ? namePartWeights[t.part] : 0);
  let weighted = 0;
  let total = 0;
  let matchedWeight = 0;
  for (const pair of pairs) {
    const w = (weightOf(as[pair.i]) + weightOf(bs[pair.j])) / 2;
    weighted += w * agreement(pair.effective);
    total += w;
    matchedWeight += weightOf(as[pair.i]) + weightOf(bs[pair.j]);
  }
  const allWeight = [...as, ...bs].reduce((sum, t) => sum + weightOf(t), 0);
  // Words only one side has (a grandfather's name) cost a little, never much.
  const coverage = matchedWeight / allWeight;
  const score = (weighted / total) * (0.8 + 0.2 * coverage);
  const good = pairs.filter((p) => p.similarity >= tokenAgreement.disagree);
  return {
    score: round3(score),
    matchedTokens: pairs.map((p) => ({ a: as[p.i]?.value ?? '', b: bs[p.j]?.value ?? '', similarity: round3(p.similarity) })),
    compared: true,
    crossScript: good.some((p) => as[p.i]?.script !== bs[p.j]?.script),
    reordered: good.some((p) => p.reordered),
  };
}

/**
 * Compares two people's names as sets of words, so that reordered or missing parts (a chain of
 * given + father + grandfather against given + family) still match; particles are ignored and the
 * given name weighs most.
 */
export function compareNames(a: readonly NameInput[], b: readonly NameInput[]): NameComparison {
  const { score, matchedTokens } = nameDetail(a, b);
  return { score, matchedTokens };
}

// ---------------------------------------------------------------------------------------------
// Persons
// ---------------------------------------------------------------------------------------------

type Sex = 'female' | 'male' | 'other' | 'unknown';
type BirthDatePrecision = 'exact' | 'estimated' | 'unknown';

export interface PersonDescriptor {
  readonly names: readonly NameInput[];
  readonly sex: Sex;
  /** YYYY-MM-DD */
  readonly birthDate?: string | null | undefined;
  readonly birthDatePrecision?: BirthDatePrecision | null | undefined;
  /** Assessed age in years at `asOf`. */
  readonly ageRange?: { readonly min: number; readonly max: number } | null | undefined;
  /** YYYY-MM-DD: when `ageRange` was assessed; falls back to the `asOf` given to comparePersons. */
  readonly asOf?: string | null | undefined;
  /** ISO 3166-1 alpha-2 (alpha-3 accepted) or ICAO codes (XXA, XXB, XXC, XXX, D, GBD…). */
  readonly nationality: readonly string[];
}

export type Likelihood = 'likely' | 'possible' | 'unlikely';
export type MatchField = 'names' | 'sex' | 'age' | 'nationality';
export type MatchEffect = 'supports' | 'weakens' | 'neutral';

export interface MatchReason {
  readonly field: MatchField;
  readonly effect: MatchEffect;
  /** Machine-readable code, e.g. names.strong, sex.mismatch, age.within_tolerance. */
  readonly detail: string;
}

export interface MatchResult {
  /** 0..1 */
  readonly score: number;
  readonly likelihood: Likelihood;
  readonly reasons: MatchReason[];
}

/**
 * Field weights (Primero's boosts as the baseline: names 15, sex 10, age 10, nationality 3) and the
 * score bands. Each field contributes its weight times an agreement between −1 and 1 (0 when
 * unknown); score = ½ + ½ · Σ contributions / Σ weights. Names alone reach at most about 0.70, so a
 * name match without any corroboration is at most `possible`.
 */
export interface MatchWeights {
  readonly names: number;
  readonly sex: number;
  readonly age: number;
  readonly nationality: number;
  /** Agreement credited to an equal known sex: weak, since half of all pairs share it. */
  readonly sexAgreement: number;
  /** Agreement (negative) for disjoint known nationalities: slight, since migrant children's nationality data are often wrong. */
  readonly nationalityDisjoint: number;
  /** Lowest score of a `likely` pair. */
  readonly likely: number;
  /** Lowest score of a `possible` pair; below it a pair is `unlikely`. */
  readonly possible: number;
}

export const defaultMatchWeights: MatchWeights = {
  names: 15,
  sex: 10,
  age: 10,
  nationality: 3,
  sexAgreement: 0.2,
  nationalityDisjoint: -0.3,
  likely: 0.77,
  possible: 0.62,
};

interface FieldResult {
  /** −1..1, 0 when unknown. */
  readonly agreement: number;
  readonly reasons: MatchReason[];
}

const reason = (field: MatchField, effect: MatchEffect, detail: string): MatchReason => ({ field, effect, detail });

function compareNameField(a: PersonDescriptor, b: PersonDescriptor): FieldResult {
  const detail = nameDetail(a.names, b.names);
  if (!detail.compared) return { agreement: 0, reasons: [reason('names', 'neutral', 'names.missing')] };
  const s = detail.score;
  const agreement = Math.max(-1, Math.min(1, (s - 0.5) / 0.4));
  const reasons = [
    s >= 0.85
      ? reason('names', 'supports', 'names.strong')
      : s >= 0.65
        ? reason('names', 'supports', 'names.partial')
        : s >= 0.5
          ? reason('names', 'neutral', 'names.weak')
          : reason('names', 'weakens', 'names.mismatch'),
  ];
  if (detail.crossScript) reasons.push(reason('names', 'neutral', 'names.cross_script'));
  if (detail.reordered) reasons.push(reason('names', 'neutral', 'names.reordered'));
  return { agreement, reasons };
}

function compareSex(a: PersonDescriptor, b: PersonDescriptor, weights: MatchWeights): FieldResult {
  const known = (s: Sex): boolean => s === 'female' || s === 'male';
  if (!known(a.sex) || !known(b.sex)) return { agreement: 0, reasons: [reason('sex', 'neutral', 'sex.unknown')] };
  if (a.sex === b.sex) return { agreement: weights.sexAgreement, reasons: [reason('sex', 'supports', 'sex.match')] };
  return { agreement: -1, reasons: [reason('sex', 'weakens', 'sex.mismatch')] };
}

// Ages are compared as intervals of possible birth dates, in fractional years.

interface BirthInterval {
  readonly from: number;
  readonly to: number;
  /** Years of difference still consistent with one person. */
  readonly tolerance: number;
  readonly exact: boolean;
}

function yearOf(date: string | null | undefined): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const start = Date.UTC(year, 0, 1);
  const at = Date.UTC(year, month - 1, day);
  if (Number.isNaN(at)) return undefined;
  return year + (at - start) / (365.25 * 86_400_000);
}

function birthInterval(p: PersonDescriptor, asOf: string | undefined): BirthInterval | 'no_reference' | undefined {
  const born = yearOf(p.birthDate);
  if (born !== undefined) {
    const exact = (p.birthDatePrecision ?? 'exact') === 'exact';
    return { from: born, to: born, tolerance: exact ? 1 : 3, exact };
  }
  if (!p.ageRange) return undefined;
  const at = yearOf(p.asOf) ?? yearOf(asOf);
  if (at === undefined) return 'no_reference';
  const { min, max } = p.ageRange;
  return { from: at - Math.max(min, max) - 1, to: at - Math.min(min, max), tolerance: 1, exact: false };
}

function ageRangeInterval(p: PersonDescriptor): BirthInterval | undefined {
  if (!p.ageRange) return undefined;
  const { min, max } = p.ageRange;
  // Without reference dates, two assessed ranges are taken as of the same time: compare as negated ages.
  return { from: -Math.max(min, max) - 1, to: -Math.min(min, max), tolerance: 1, exact: false };
}

function compareAge(a: PersonDescriptor, b: PersonDescriptor, asOf: string | undefined): FieldResult {
  let ia = birthInterval(a, asOf);
  let ib = birthInterval(b, asOf);
  if (ia === 'no_reference' && ib === 'no_reference') {
    ia = ageRangeInterval(a);
    ib = ageRangeInterval(b);
  }
  if (ia === 'no_reference' || ib === 'no_reference') return { agreement: 0, reasons: [reason('age', 'neutral', 'age.no_reference_date')] };
  if (!ia || !ib) return { agreement: 0, reasons: [reason('age', 'neutral', 'age.unknown')] };
  const gap = Math.max(0, ib.from - ia.to, ia.from - ib.to);
  const tolerance = Math.max(ia.tolerance, ib.tolerance);
  if (ia.exact && ib.exact && gap < 1 / 365) return { agreement: 1, reasons: [reason('age', 'supports', 'age.same_birth_date')] };
  if (gap <= tolerance) return { agreement: 0.6, reasons: [reason('age', 'supports', 'age.within_tolerance')] };
  if (gap <= 2 * tolerance) return { agreement: -0.3, reasons: [reason('age', 'weakens', 'age.near_tolerance')] };
  return { agreement: -1, reasons: [reason('age', 'weakens', 'age.outside_tolerance')] };
}

/** ICAO codes that are not a country: stateless, refugee, unspecified. */
const noCountry = new Set(['XXA', 'XXB', 'XXC', 'XXX']);
const icaoCountries: Readonly<Record<string, string>> = {
  D: 'DE',
  GBD: 'GB',
  GBN: 'GB',
  GBO: 'GB',
  GBP: 'GB',
  GBS: 'GB',
  UNK: 'XK',
  RKS: 'XK',
  EUE: 'EU',
};

export function canonicalNationality(code: string): string {
  const upper = code.trim().toUpperCase();
  if (noCountry.has(upper)) return upper;
  const icao = icaoCountries[upper];
  if (icao) return icao;
  if (upper.length === 3) return countries.alpha3ToAlpha2(upper) ?? upper;
  return upper;
}

function compareNationality(a: PersonDescriptor, b: PersonDescriptor, weights: MatchWeights): FieldResult {
  const countriesOf = (p: PersonDescriptor): Set<string> =>
    new Set(p.nationality.map(canonicalNationality).filter((c) => c !== '' && !noCountry.has(c)));
  const ca = countriesOf(a);
  const cb = countriesOf(b);
  if (ca.size === 0 || cb.size === 0) return { agreement: 0, reasons: [reason('nationality', 'neutral', 'nationality.unknown')] };
  if ([...ca].some((c) => cb.has(c))) return { agreement: 1, reasons: [reason('nationality', 'supports', 'nationality.overlap')] };
  return { agreement: weights.nationalityDisjoint, reasons: [reason('nationality', 'weakens', 'nationality.disjoint')] };
}

function band(score: number, weights: MatchWeights): Likelihood {
  if (score >= weights.likely) return 'likely';
  return score >= weights.possible ? 'possible' : 'unlikely';
}

/**
 * Scores whether two records may describe the same child, Fellegi–Sunter style: names dominate, a
 * known sex mismatch weighs strongly against, ages are compared with a tolerance, shared nationality
 * supports and disjoint nationalities weaken slightly. It only scores and explains: deciding a merge
 * is for a person. `asOf` (YYYY-MM-DD) dates assessed age ranges that carry no date of their own.
 */
export function comparePersons(a: PersonDescriptor, b: PersonDescriptor, weights: Partial<MatchWeights> = {}, asOf?: string): MatchResult {
  const w: MatchWeights = { ...defaultMatchWeights, ...weights };
  const fields: Array<[number, FieldResult]> = [
    [w.names, compareNameField(a, b)],
    [w.sex, compareSex(a, b, w)],
    [w.age, compareAge(a, b, asOf)],
    [w.nationality, compareNationality(a, b, w)],
  ];
  const totalWeight = fields.reduce((sum, [weight]) => sum + weight, 0);
  const evidence = fields.reduce((sum, [weight, field]) => sum + weight * field.agreement, 0);
  const score = totalWeight > 0 ? round3(0.5 + (0.5 * evidence) / totalWeight) : 0;
  return { score, likelihood: band(score, w), reasons: fields.flatMap(([, field]) => field.reasons) };
}

const likelihoodRank: Readonly<Record<Likelihood, number>> = { likely: 2, possible: 1, unlikely: 0 };

export interface RankOptions {
  /** At most this many results (default 20). */
  readonly limit?: number;
  /** Lowest likelihood kept (default `possible`; `unlikely` results are always dropped). */
  readonly minLikelihood?: Exclude<Likelihood, 'unlikely'>;
  readonly weights?: Partial<MatchWeights>;
  readonly asOf?: string;
}

export interface RankedCandidate<T> {
  readonly candidate: T;
  readonly result: MatchResult;
}

/** Scores candidates against a subject and returns the likely and possible ones, best first. */
export function rankCandidates<T extends PersonDescriptor>(
  subject: PersonDescriptor,
  candidates: readonly T[],
  options: RankOptions = {},
): RankedCandidate<T>[] {
  const floor = likelihoodRank[options.minLikelihood ?? 'possible'];
  return candidates
    .map((candidate) => ({ candidate, result: comparePersons(subject, candidate, options.weights, options.asOf) }))
    .filter(({ result }) => result.likelihood !== 'unlikely' && likelihoodRank[result.likelihood] >= floor)
    .sort((x, y) => y.result.score - x.result.score)
    .slice(0, options.limit ?? 20);
}

import { bareSimilarity, clashPenalty, spellingSimilarity, vowelClashes } from './align.ts';
import type { Form } from './romanise.ts';
import type { AnalysedToken } from './tokens.ts';

/** How far a shared Double Metaphone code lifts a similarity towards 1. */
export const metaphoneBoost = 0.25;

function formSimilarity(a: Form, b: Form): number {
  if (a.bare) return b.units.length > 0 ? bareSimilarity(a.units, b.units, b.bare) : 0;
  if (b.bare) return a.units.length > 0 ? bareSimilarity(b.units, a.units) : 0;
  let similarity = spellingSimilarity(a.fold, b.fold);
  if (a.codes.some((code) => code.length > 1 && b.codes.includes(code))) similarity += metaphoneBoost * (1 - similarity);
  return Math.max(0, similarity - clashPenalty * vowelClashes(a.units, b.units));
}

/** Similarity (0..1) of two name words: the best over their spellings. */
export function tokenSimilarity(a: AnalysedToken, b: AnalysedToken): number {
  if (a.value === b.value) return 1;
  let best = 0;
  for (const fa of a.forms) for (const fb of b.forms) best = Math.max(best, formSimilarity(fa, fb));
  return best;
}

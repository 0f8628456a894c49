import { bareSimilarity, spellingSimilarity, speltSimilarity } from './align.ts';
import { memoise } from './memo.ts';
import type { Form } from './romanise.ts';
import type { AnalysedToken } from './tokens.ts';

/** How far a shared Double Metaphone code lifts a similarity towards 1. */
export const metaphoneBoost = 0.25;

/** Alignment fills one side in from the other, so both directions are tried and the better kept. */
function formSimilarity(a: Form, b: Form): number {
  if (a.units.length === 0 || b.units.length === 0) return a.bare || b.bare ? 0 : spellingSimilarity(a.fold, b.fold);
  if (a.bare && b.bare) return Math.max(bareSimilarity(a.units, b.units, true), bareSimilarity(b.units, a.units, true));
  if (a.bare) return bareSimilarity(a.units, b.units);
  if (b.bare) return bareSimilarity(b.units, a.units);
  const boost = a.codes.some((code) => code.length > 1 && b.codes.includes(code)) ? metaphoneBoost : 0;
  return Math.max(speltSimilarity(a.units, b.units, boost), speltSimilarity(b.units, a.units, boost));
}

const formsById = new Map<string, Form>();
const memoSimilarity = memoise((key) => {
  const [a, b] = key.split('\u0000').map((id) => formsById.get(id));
  return a && b ? formSimilarity(a, b) : 0;
});

function cachedSimilarity(a: Form, b: Form): number {
  if (formsById.size > 50_000) formsById.clear();
  formsById.set(a.id, a);
  formsById.set(b.id, b);
  return memoSimilarity(`${a.id}\u0000${b.id}`);
}

/** Similarity (0..1) of two name words: the best over their spellings. */
export function tokenSimilarity(a: AnalysedToken, b: AnalysedToken): number {
  if (a.value === b.value) return 1;
  let best = 0;
  for (const fa of a.forms) for (const fb of b.forms) best = Math.max(best, cachedSimilarity(fa, fb));
  return best;
}

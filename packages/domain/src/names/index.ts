export { jaro, jaroWinkler } from './jaroWinkler.ts';
export {
  compareNames,
  comparePersons,
  defaultMatchWeights,
  type Likelihood,
  type MatchEffect,
  type MatchedToken,
  type MatchField,
  type MatchReason,
  type MatchResult,
  type MatchWeights,
  type NameComparison,
  type PersonDescriptor,
  type RankedCandidate,
  type RankOptions,
  rankCandidates,
} from './match.ts';
export { normaliseName } from './normalise.ts';
export { phoneticKeys } from './phonetic.ts';
export { latinKeys } from './romanise.ts';
export { detectScript } from './script.ts';
export { type NameInput, type NameToken, nameTokens, type TokenClass } from './tokens.ts';

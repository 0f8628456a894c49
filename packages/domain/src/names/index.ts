export { detectScript } from './script.ts';
export { normaliseName } from './normalise.ts';
export { latinKeys } from './romanise.ts';
export { jaro, jaroWinkler } from './jaroWinkler.ts';
export { type NameInput, type NameToken, type TokenClass, nameTokens } from './tokens.ts';
export { phoneticKeys } from './phonetic.ts';
export {
  type Likelihood,
  type MatchEffect,
  type MatchField,
  type MatchReason,
  type MatchResult,
  type MatchWeights,
  type MatchedToken,
  type NameComparison,
  type PersonDescriptor,
  type RankOptions,
  type RankedCandidate,
  compareNames,
  comparePersons,
  defaultMatchWeights,
  rankCandidates,
} from './match.ts';

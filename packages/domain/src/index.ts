export * from './case/index.ts';
export * from './codes/index.ts';
export * from './disability/index.ts';
export * from './errors/codes.ts';
export * from './errors/HavenError.ts';
export * from './i18n/errorMessages.ts';
export * from './i18n/locales.ts';
export {
  compareNames,
  comparePersons,
  defaultMatchWeights,
  detectScript,
  jaroWinkler,
  latinKeys,
  type MatchResult,
  type MatchWeights,
  type NameInput,
  nameTokens,
  normaliseName,
  type PersonDescriptor,
  phoneticKeys,
  rankCandidates,
} from './names/index.ts';
export * from './policy/changeControl.ts';
export * from './policy/defaultRoles.ts';
export * from './policy/evaluate.ts';
export * from './policy/fieldProjection.ts';
export * from './policy/firewall.ts';
export * from './policy/model.ts';
export * from './schemas/admin.ts';
export * from './schemas/audit.ts';
export * from './schemas/auth.ts';
export * from './schemas/child.ts';
export * from './schemas/common.ts';
export * from './schemas/person.ts';

import {
  ageAssessmentMethods,
  ageBases,
  ageGroups,
  approvalStatuses,
  approvalSubjects,
  BirthRegistration,
  behaviourComparisonLevels,
  birthDatePrecisions,
  type CaseActionInput,
  CaseActionInput as CaseActionSchema,
  type CaseActionType,
  type CaseView,
  careStatuses,
  caseStatuses,
  cfm2to4Domains,
  cfm5to17Domains,
  childFlags,
  citizenshipStatuses,
  closureReasons,
  consentGivers,
  consentScopes,
  difficultyLevels,
  disabilityInstruments,
  disabilityWarnings,
  documentTypes,
  encounterSettings,
  followUpTypes,
  frequencyLevels,
  furtherActions,
  migrationDrivers,
  migrationStages,
  missingAnswers,
  movementTypes,
  namePartTypes,
  needsDomains,
  noteCategories,
  notificationKinds,
  planActionStatuses,
  protectionCategories,
  relationships,
  riskLevels,
  screeningIndicators,
  serviceTypes,
  taskKinds,
  typologies,
  wgSsDomains,
  workflowSteps,
} from '@haven/domain';

type Action<T extends CaseActionType> = Extract<CaseActionInput, { type: T }>;

/** Checks at compile time that `values` lists every member of `T`, and nothing else. */
const everyOf =
  <T extends string>() =>
  <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : never)): A =>
    values;

/** Every action a user can record, in the order the domain declares them. */
export const caseActionTypes: readonly CaseActionType[] = CaseActionSchema.options.map((option) => option.shape.type.value);

/** Entries only the system writes to a case's log. */
export const systemEventTypes = [
  'registered',
  'profile_updated',
  'merged_into',
  'merged_from',
  'unmerged',
  'bulk_assigned',
  'separation_overridden',
  'relation_removed',
] as const;

export const needLevels = everyOf<NonNullable<Action<'assessment_recorded'>['needs'][keyof Action<'assessment_recorded'>['needs']]>>()([
  'none',
  'low',
  'medium',
  'high',
]);
export const consentKinds = everyOf<Action<'consent_recorded'>['kind']>()(['consent', 'assent']);
export const consentMethods = everyOf<Action<'consent_recorded'>['method']>()(['verbal', 'written', 'other']);
export const adultExclusionReasons = everyOf<NonNullable<Action<'consent_recorded'>['adultExclusionReason']>>()([
  'caregiver_is_alleged_perpetrator',
  'caregiver_unavailable',
  'not_in_best_interests',
]);
export const consentParts = ['child_assent', 'child_consent', 'adult_consent'] as const;
export const viewsMethods = everyOf<Extract<Action<'assessment_recorded'>['childViews'], { heard: true }>['method']>()([
  'interview',
  'drawing_play',
  'written',
  'other',
]);
export const reviewOutcomes = everyOf<Action<'review_recorded'>['outcome']>()(['continue', 'revise_plan', 'propose_closure']);
export const assessmentKinds = everyOf<Action<'assessment_recorded'>['kind']>()(['initial', 'comprehensive']);
export const decisions = everyOf<Action<'approval_decided'>['decision']>()(['approved', 'rejected']);
export const familyContactStates = everyOf<CaseView['familyContact']>()(['not_required', 'review_required', 'cleared', 'not_cleared']);
export const likelihoods = ['likely', 'possible'] as const;
export const indicatorGroups = ['trafficking', 'exploitation', 'trauma', 'risk'] as const;
export const listSorts = ['due', 'created', 'updated'] as const;
/** Why two records may be the same child: `field.detail`, as the domain's matcher reports it. */
const matchDetails = {
  names: ['strong', 'partial', 'weak', 'mismatch', 'missing', 'cross_script', 'reordered'],
  sex: ['match', 'mismatch', 'unknown'],
  age: ['same_birth_date', 'within_tolerance', 'near_tolerance', 'outside_tolerance', 'unknown', 'no_reference_date'],
  nationality: ['overlap', 'disjoint', 'unknown'],
} as const;
export const matchReasons: readonly string[] = Object.entries(matchDetails).flatMap(([field, details]) =>
  details.map((detail) => `${field}.${detail}`),
);

/**
 * Every code list the UI labels, by the name its labels live under: `code.<list>.<value>`.
 * Values are stored codes; labels are never stored.
 */
export const codeLists = {
  caseStatus: caseStatuses,
  workflowStep: workflowSteps,
  riskLevel: riskLevels,
  typology: typologies,
  protectionCategory: protectionCategories,
  careStatus: careStatuses,
  migrationStage: migrationStages,
  movementType: movementTypes,
  migrationDriver: migrationDrivers,
  encounterSetting: encounterSettings,
  documentType: documentTypes,
  indicatorGroup: indicatorGroups,
  screeningIndicator: screeningIndicators,
  needsDomain: needsDomains,
  needLevel: needLevels,
  serviceType: serviceTypes,
  planActionStatus: planActionStatuses,
  followUpType: followUpTypes,
  furtherAction: furtherActions,
  closureReason: closureReasons,
  ageAssessmentMethod: ageAssessmentMethods,
  approvalSubject: approvalSubjects,
  approvalStatus: approvalStatuses,
  decision: decisions,
  consentScope: consentScopes,
  consentGiver: consentGivers,
  consentKind: consentKinds,
  consentMethod: consentMethods,
  consentPart: consentParts,
  adultExclusionReason: adultExclusionReasons,
  noteCategory: noteCategories,
  ageBasis: ageBases,
  birthDatePrecision: birthDatePrecisions,
  relationship: relationships,
  taskKind: taskKinds,
  citizenshipStatus: citizenshipStatuses,
  namePartType: namePartTypes,
  birthRegistration: BirthRegistration.options,
  childFlag: childFlags,
  ageGroup: ageGroups,
  viewsMethod: viewsMethods,
  reviewOutcome: reviewOutcomes,
  assessmentKind: assessmentKinds,
  familyContact: familyContactStates,
  likelihood: likelihoods,
  matchReason: matchReasons,
  difficulty: [...difficultyLevels, ...missingAnswers],
  wgSsDomain: wgSsDomains,
  cfm2to4Domain: cfm2to4Domains,
  cfm5to17Domain: cfm5to17Domains,
  frequency: [...frequencyLevels, ...missingAnswers],
  behaviourComparison: [...behaviourComparisonLevels, ...missingAnswers],
  disabilityInstrument: disabilityInstruments,
  disabilityWarning: disabilityWarnings,
  eventType: [...systemEventTypes, ...caseActionTypes],
  sort: listSorts,
  notificationKind: notificationKinds,
} as const;

export type CodeList = keyof typeof codeLists;
export type CodeOf<L extends CodeList> = (typeof codeLists)[L][number];

/** Screening indicators by their group (the prefix of the code: trafficking_…, risk_…). */
export function indicatorsByGroup(): { group: (typeof indicatorGroups)[number]; indicators: (typeof screeningIndicators)[number][] }[] {
  return indicatorGroups.map((group) => ({
    group,
    indicators: screeningIndicators.filter((indicator) => indicator.startsWith(`${group}_`)),
  }));
}

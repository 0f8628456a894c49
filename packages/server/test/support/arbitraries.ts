import {
  AgeBasis,
  CareStatus,
  ChildInput,
  CitizenshipStatus,
  ClosureReason,
  ConsentGiver,
  ConsentScope,
  DifficultyAnswer,
  DocumentType,
  EncounterSetting,
  FollowUpType,
  FurtherAction,
  MigrationDriver,
  MigrationStage,
  MovementType,
  NamePartType,
  NeedsDomain,
  NoteCategory,
  PlanActionStatus,
  ProtectionCategory,
  Relationship,
  RiskLevel,
  refuseAgeAtRegistration,
  ScreeningIndicator,
  Script,
  ServiceType,
  Sex,
  Typology,
  wgSsDomains,
} from '@haven/domain';
import fc from 'fast-check';

/**
 * Generators of valid API inputs, built from the domain's own enumerations so they follow the
 * schemas; every generated value is also parsed with its schema by the test that uses it.
 */

const of = <T>(values: readonly T[]) => fc.constantFrom(...values);
const some = <T>(values: readonly T[], maxLength = 4) => fc.subarray([...values], { maxLength });

/** Free text in any script (and some awkward characters), never blank once trimmed. */
export const text = (maxLength = 200) =>
  fc
    .oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(maxLength, 40) }),
      of(['Amina Yusuf', 'أمينة يوسف', 'ዮናስ ተስፋዬ', 'Ñandú  çà', '  Ли Вэй ', 'a "quoted" \\ back\\slash', 'emoji 👧🏽 ok', 'x\u200dy']),
    )
    .filter((s) => s.trim().length >= 3 && s.length <= maxLength);

const country = of(['SD', 'ER', 'SY', 'AF', 'GR', 'IT', 'UA', 'so', ' et ']);
const nationality = fc.array(of(['SD', 'ER', 'SY', 'AF', 'XXA', 'XXX', 'ps']), { maxLength: 3 });
export const pastDate = fc
  .date({ min: new Date('2006-01-01T00:00:00Z'), max: new Date('2026-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const namePart = fc.record(
  {
    type: of(NamePartType.options),
    value: text(120),
    script: of(Script.options),
    romanisations: fc.array(text(120), { maxLength: 2 }),
  },
  { requiredKeys: ['type', 'value'] },
);

const age = fc.oneof(
  fc.record({ birthDate: fc.constant(null), birthDatePrecision: fc.constant('unknown' as const), ageBasis: of(AgeBasis.options) }),
  fc.record({
    birthDate: pastDate,
    birthDatePrecision: of(['exact', 'estimated'] as const),
    ageBasis: of(AgeBasis.options),
    assessmentConcluded: fc.boolean(),
  }),
);

const disability = fc.record({
  instrument: fc.constant('WG-SS' as const),
  answers: fc.record(Object.fromEntries(wgSsDomains.map((d) => [d, of(DifficultyAnswer.options)]))),
});

/** The profile fields a registration or an update can carry (team aside: it names a real team). */
const profile = {
  names: fc.array(namePart, { minLength: 1, maxLength: 3 }),
  sex: of(Sex.options),
  age,
  nationality,
  citizenshipStatus: of(CitizenshipStatus.options),
  countryOfBirth: country,
  languages: fc.array(fc.record({ code: of(['ar', 'ti', 'fa', 'prs', 'en', 'so']), interpreterNeeded: fc.boolean() }), {
    maxLength: 2,
  }),
  disability,
  documents: fc.array(
    fc.record(
      { type: of(DocumentType.options), held: fc.boolean(), number: text(100), issuingCountry: country },
      { requiredKeys: ['type', 'held'] },
    ),
    { maxLength: 2 },
  ),
  birthRegistration: of(['registered', 'not_registered', 'unknown'] as const),
  locationCode: of(['GR', 'GR-I', 'gr-i-ath', 'GR-A-01']),
  locationDetail: text(500),
  typology: some(Typology.options),
  protectionCategories: some(ProtectionCategory.options),
  movementType: of(MovementType.options),
  drivers: some(MigrationDriver.options),
  route: fc.array(fc.record({ country, from: pastDate }, { requiredKeys: ['country'] }), { maxLength: 3 }),
  legalStatus: text(200),
  protectionNotes: text(2_000),
};

/**
 * POST /children by a caseworker: registrations the age guard accepts (the ones it refuses are
 * scenario tests of their own, cases.test.ts).
 */
export const childInput = fc
  .record(
    { ...profile, careStatus: of(CareStatus.options), stage: of(MigrationStage.options), encounterSetting: of(EncounterSetting.options) },
    { requiredKeys: ['names', 'sex'] },
  )
  .filter((raw) => refuseAgeAtRegistration(ChildInput.parse(raw).age, new Date()) === null);

/** PATCH /children/:id: any subset of the profile. */
export const childUpdate = fc.record(profile, { requiredKeys: [] });

/** POST /children/first-contact: often as little as the sex, the setting and the time (nothing to seal). */
export const firstContactInput = (now: () => Date) => {
  const firstContactAt = fc.integer({ min: 0, max: 5 * 24 }).map((hours) => new Date(now().getTime() - hours * 3_600_000).toISOString());
  const bare = fc.record({ sex: of(Sex.options), encounterSetting: of(EncounterSetting.options), firstContactAt });
  const full = fc.record(
    {
      names: fc.array(namePart, { maxLength: 2 }),
      sex: of(Sex.options),
      approximateAge: fc.integer({ min: 0, max: 25 }),
      birthDate: pastDate,
      nationality,
      typology: some(Typology.options),
      careStatus: of(CareStatus.options),
      encounterSetting: of(EncounterSetting.options),
      firstContactAt,
      locationCode: of(['GR', 'GR-I']),
      urgentConcern: fc.boolean(),
      concerns: some(ScreeningIndicator.options),
      note: text(4_000),
    },
    { requiredKeys: ['sex', 'encounterSetting', 'firstContactAt'] },
  );
  return fc.oneof(bare, full);
};

export const relationInput = fc.record(
  { relationship: of(Relationship.options), accompanying: fc.boolean(), name: text(200), contact: text(200) },
  { requiredKeys: ['relationship', 'accompanying'] },
);

const comment = fc.option(text(400), { nil: undefined });
const childViews = fc.oneof(
  fc.record({ heard: fc.constant(true as const), words: text(400).filter((w) => w.replace(/[^\p{L}\p{N}]/gu, '').length >= 3) }),
  fc.record({ heard: fc.constant(false as const), reason: text(400) }),
);
const itemId = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);

/**
 * Raw material for one case action of each type. References to the case (the plan's actions, a
 * consent, a colleague) are filled from the case as it stands when the action is taken.
 */
export const actionMaterial = fc.record({
  opened: fc.record({ note: comment }),
  assigned: fc.record({ note: comment }),
  transfer_requested: fc.record({ note: comment }),
  screened: fc.record({
    riskLevel: of(RiskLevel.options),
    urgentProtectionConcern: fc.boolean(),
    indicators: some(ScreeningIndicator.options),
    familyComplicit: fc.boolean(),
    summary: comment,
  }),
  family_contact_reviewed: fc.record({ decision: of(['cleared', 'not_cleared'] as const), comment }),
  assessment_recorded: fc.record({
    kind: of(['initial', 'comprehensive'] as const),
    needs: fc.dictionary(of(NeedsDomain.options), of(['none', 'low', 'medium', 'high'] as const), { maxKeys: 3 }),
    findings: comment,
    childViews,
  }),
  case_plan_recorded: fc.record({
    goals: fc.array(fc.record({ id: itemId, domain: of(NeedsDomain.options), description: text(200) }), { minLength: 1, maxLength: 2 }),
    actions: fc.array(
      fc.record({
        service: of(ServiceType.options.filter((s) => s !== 'family_tracing_reunification')),
        provider: text(100),
        dueDate: fc.constant('2027-03-01'),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    childViews,
  }),
  plan_action_updated: fc.record({ pick: fc.nat(), status: of(PlanActionStatus.options), outcome: comment }),
  approval_requested: fc.record({ subject: of(['assessment', 'case_plan'] as const), comment }),
  approval_decided: fc.record({ decision: of(['approved', 'rejected'] as const), comment }),
  follow_up_recorded: fc.record({
    followUpType: of(FollowUpType.options),
    date: pastDate,
    wellbeing: comment,
    safetyConcern: fc.boolean(),
    furtherAction: of(FurtherAction.options),
  }),
  review_recorded: fc.record({ date: pastDate, outcome: of(['continue', 'revise_plan', 'propose_closure'] as const), summary: comment }),
  note_added: fc.record({ category: of(NoteCategory.options), text: text(2_000) }),
  care_status_changed: fc.record({ careStatus: of(CareStatus.options), since: pastDate, note: comment }),
  stage_changed: fc.record({ stage: of(MigrationStage.options), country: fc.option(country, { nil: undefined }), since: pastDate }),
  consent_recorded: fc.record({
    scopes: fc.subarray([...ConsentScope.options], { minLength: 1 }),
    givenBy: of(ConsentGiver.options),
    kind: of(['consent', 'assent'] as const),
    method: of(['verbal', 'written', 'other'] as const),
    date: pastDate,
  }),
  consent_withdrawn: fc.record({ pick: fc.nat() }),
  consent_overridden: fc.record({ scope: of(ConsentScope.options), reason: text(400) }),
  closure_requested: fc.record({ reason: of(ClosureReason.options), summary: comment }),
  reopened: fc.record({ reason: text(400) }),
  transition_plan_recorded: fc.record({ plan: text(400), childViews }),
});
export type ActionMaterial = typeof actionMaterial extends fc.Arbitrary<infer T> ? T : never;

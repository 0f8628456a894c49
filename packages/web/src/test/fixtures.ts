import type { CaseView, Child, TaskItem } from '@haven/domain';

export const childId = '00000000-0000-4000-8000-00000000c001';
export const caseworkerId = '00000000-0000-4000-8000-000000000001';
export const supervisorId = '00000000-0000-4000-8000-000000000002';
const agencyId = '00000000-0000-4000-8000-0000000000a1';

const summary: CaseView['summary'] = {
  status: 'open',
  step: 'assessment',
  riskLevel: 'high',
  urgent: false,
  nextDueAt: '2026-11-23T10:00:00.000Z',
  overdue: false,
  firstContactAt: '2026-11-20T10:00:00.000Z',
  referredAt: '2026-11-20T10:00:00.000Z',
  openedAt: '2026-11-20T11:00:00.000Z',
  closedAt: null,
  mergedInto: null,
};

/** A 15-year-old's record as a caseworker reads it. */
export function makeChild(overrides: Partial<Child> = {}): Child {
  return {
    id: childId,
    reference: 'GR-TEST-0001',
    jurisdiction: 'GR',
    agencyId,
    teamId: null,
    assignedUserId: caseworkerId,
    version: 3,
    sex: 'male',
    birthYear: 2011,
    age: {
      birthDate: '2011-03-01',
      birthDatePrecision: 'estimated',
      ageBasis: 'claimed',
      assessedMinAge: null,
      assessedMaxAge: null,
      assessmentConcluded: false,
      assessmentDate: null,
      years: 15,
      treatedAsChild: true,
      inDoubt: true,
      eighteenthBirthday: '2029-03-01',
    },
    nationality: ['SY'],
    citizenshipStatus: 'national',
    countryOfBirth: 'SY',
    languages: [{ code: 'apc', interpreterNeeded: true }],
    birthRegistration: 'unknown',
    typology: ['unaccompanied'],
    protectionCategories: [],
    careStatus: 'unaccompanied',
    stage: 'destination',
    movementType: null,
    drivers: [],
    locationCode: 'GR-I-ATH',
    names: [
      { type: 'given', value: 'Samir', romanisations: [] },
      { type: 'family', value: 'Haddad', romanisations: [] },
    ],
    displayName: 'Samir Haddad',
    nameHidden: false,
    documents: [],
    locationDetail: null,
    route: [],
    legalStatus: null,
    protectionNotes: null,
    disability: null,
    case: summary,
    flags: ['age_in_doubt'],
    hiddenFieldGroups: [],
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

const noConsent = { valid: false, missing: ['child_consent' as const] };

/** An open, screened case as its caseworker sees it. */
export function makeCaseView(overrides: Partial<CaseView> = {}): CaseView {
  return {
    childId,
    reference: 'GR-TEST-0001',
    jurisdiction: 'GR',
    agencyId,
    teamId: null,
    summary,
    assignedUserId: caseworkerId,
    pendingTransferTo: null,
    typology: ['unaccompanied'],
    careStatus: 'unaccompanied',
    stage: 'destination',
    riskLevel: 'high',
    familyComplicit: false,
    familyContact: 'not_required',
    indicators: [],
    screenedAt: '2026-11-20T12:00:00.000Z',
    firstActionAt: null,
    closureReason: null,
    promptness: { contactToReferralHours: 0, referralToOpeningHours: 1, contactToReferralLate: false, referralToOpeningLate: false },
    approvals: {},
    assessment: null,
    plan: null,
    careStatusHistory: [],
    stageHistory: [],
    consents: {
      records: [],
      byScope: { services: noConsent, sharing: noConsent, tracing: noConsent, photo: noConsent, reporting: noConsent },
    },
    tasks: [{ kind: 'assessment', ref: '', dueAt: '2026-11-23T12:00:00.000Z', overdue: false, for: 'caseworker', userId: caseworkerId }],
    allowedActions: [
      'screened',
      'assessment_recorded',
      'note_added',
      'consent_recorded',
      'care_status_changed',
      'closure_requested',
      'case_plan_recorded',
      'plan_action_updated',
    ],
    relations: [],
    mergedInto: null,
    mergedFrom: [],
    users: { [caseworkerId]: 'Amira Haddad', [supervisorId]: 'Sam Supervisor' },
    events: [
      { seq: 1, type: 'registered', at: '2026-11-20T10:00:00.000Z', actorUserId: caseworkerId, data: { mode: 'full' }, redacted: false },
      {
        seq: 2,
        type: 'screened',
        at: '2026-11-20T12:00:00.000Z',
        actorUserId: caseworkerId,
        data: { riskLevel: 'high', indicators: [] },
        redacted: false,
      },
    ],
    ...overrides,
  };
}

/** A plan with one open action, approved, as a case view carries it (and its log entry). */
export function withApprovedPlan(view: CaseView): CaseView {
  return {
    ...view,
    summary: { ...view.summary, step: 'implementation' },
    approvals: {
      assessment: {
        status: 'approved',
        requestedAt: '2026-11-20T13:00:00.000Z',
        decidedAt: '2026-11-20T14:00:00.000Z',
        decidedBy: supervisorId,
      },
      case_plan: {
        status: 'approved',
        requestedAt: '2026-11-21T13:00:00.000Z',
        decidedAt: '2026-11-21T14:00:00.000Z',
        decidedBy: supervisorId,
      },
    },
    assessment: { kind: 'initial', at: '2026-11-20T13:00:00.000Z' },
    plan: {
      at: '2026-11-21T12:00:00.000Z',
      goals: [{ id: 'school', domain: 'education', description: 'Enrolled in the local school' }],
      actions: [
        {
          id: 'enrol',
          goalId: 'school',
          service: 'education',
          description: null,
          provider: 'School 4',
          responsibleUserId: null,
          dueDate: '2027-01-15',
          status: 'planned',
        },
      ],
    },
    events: [
      ...view.events,
      {
        seq: 5,
        type: 'case_plan_recorded',
        at: '2026-11-21T12:00:00.000Z',
        actorUserId: caseworkerId,
        redacted: false,
        data: {
          goals: [{ id: 'school', domain: 'education', description: 'Back to school' }],
          actions: [
            {
              id: 'enrol',
              goalId: 'school',
              service: 'education',
              description: 'Enrol in grade 9',
              provider: 'School 4',
              dueDate: '2027-01-15',
              status: 'planned',
            },
          ],
          childViews: { heard: true, words: 'I want to go to school.', interpreterUsed: false, method: 'interview', childPresent: true },
        },
      },
    ],
  };
}

export function makeTask(
  overrides: Partial<TaskItem> & { kind?: TaskItem['task']['kind']; overdue?: boolean; dueAt?: string } = {},
): TaskItem {
  const { kind = 'screen', overdue = false, dueAt = '2026-11-23T12:00:00.000Z', ...rest } = overrides;
  return {
    childId,
    reference: 'GR-TEST-0001',
    displayName: 'Samir Haddad',
    nameHidden: false,
    riskLevel: 'high',
    assignedUserId: caseworkerId,
    assignedUserName: 'Demo Caseworker',
    task: { kind, ref: '', dueAt, overdue, for: 'caseworker', userId: caseworkerId },
    ...rest,
  };
}

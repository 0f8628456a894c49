import type { CaseEventView } from '@haven/domain';
import type { TFunction } from 'i18next';
import { countryName, formatDate, formatDateTime, formatList } from '../../codes/format.ts';
import type { useCodes } from '../../codes/useCodes.ts';

type Codes = ReturnType<typeof useCodes>;

export interface EventSummary {
  /** Short facts, shown on one line. */
  facts: string[];
  /** Free text written by a person (a note, findings, a reason). */
  text?: string;
  /** The child's own words, quoted as such. */
  childWords?: string;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

interface Context {
  t: TFunction;
  codes: Codes;
  /** A user's name by id. */
  user: (id: unknown) => string;
}

function childViews(value: unknown, { t }: Context): Pick<EventSummary, 'childWords' | 'text'> {
  const views = record(value);
  if (views.heard === true) return { childWords: str(views.words) };
  if (views.heard === false) return { text: t('timeline.notHeard', { reason: str(views.reason) ?? '' }) };
  return {};
}

/** A log entry in words: what was decided or recorded, by type. */
export function summariseEvent(event: CaseEventView, context: Context): EventSummary {
  const { t, codes, user } = context;
  const data = event.data ?? {};
  const label = codes.label;
  const list = (name: Parameters<Codes['label']>[0], values: unknown) => formatList(strings(values).map((v) => label(name, v)));
  switch (event.type) {
    case 'registered':
      return {
        facts: [
          data.mode === 'first_contact' ? t('timeline.firstContact') : t('timeline.fullRegistration'),
          str(data.encounterSetting) ? label('encounterSetting', String(data.encounterSetting)) : '',
          str(data.firstContactAt) ? t('timeline.metOn', { when: formatDateTime(String(data.firstContactAt)) }) : '',
          data.urgentConcern === true ? t('timeline.urgent') : '',
          strings(data.concerns).length > 0 ? t('timeline.concerns', { list: list('screeningIndicator', data.concerns) }) : '',
        ],
      };
    case 'profile_updated':
      return { facts: [t('timeline.fieldsChanged', { fields: strings(data.fields).join(', ') })] };
    case 'assigned':
    case 'bulk_assigned':
      return { facts: [t('timeline.assignedTo', { name: user(data.userId) })], text: str(data.note) };
    case 'transfer_requested':
      return { facts: [t('timeline.transferTo', { name: user(data.toUserId) })], text: str(data.note) };
    case 'screened':
      return {
        facts: [
          str(data.riskLevel) ? label('riskLevel', String(data.riskLevel)) : '',
          data.urgentProtectionConcern === true ? t('timeline.urgent') : '',
          data.familyComplicit === true ? t('timeline.familyComplicit') : '',
          strings(data.indicators).length > 0 ? t('timeline.indicators', { list: list('screeningIndicator', data.indicators) }) : '',
        ],
        text: str(data.summary),
      };
    case 'family_contact_reviewed':
      return { facts: [label('familyContact', String(data.decision))], text: str(data.comment) };
    case 'assessment_recorded': {
      const needs = Object.entries(record(data.needs))
        .filter(([, level]) => level !== 'none')
        .map(([domain, level]) => `${label('needsDomain', domain)} (${label('needLevel', String(level))})`);
      return {
        facts: [
          label('assessmentKind', String(data.kind)),
          needs.length > 0 ? t('timeline.needs', { list: formatList(needs) }) : '',
          str(data.riskLevel) ? label('riskLevel', String(data.riskLevel)) : '',
        ],
        text: str(data.findings),
        ...childViews(data.childViews, context),
      };
    }
    case 'case_plan_recorded': {
      const goals = Array.isArray(data.goals) ? data.goals.map(record) : [];
      const actions = Array.isArray(data.actions) ? data.actions.map(record) : [];
      return {
        facts: [t('timeline.planSize', { goals: goals.length, actions: actions.length })],
        text: goals.map((goal) => `• ${label('needsDomain', String(goal.domain))}: ${str(goal.description) ?? ''}`).join('\n'),
        ...childViews(data.childViews, context),
      };
    }
    case 'plan_action_updated':
      return { facts: [label('planActionStatus', String(data.status))], text: str(data.outcome) };
    case 'approval_requested':
      return { facts: [label('approvalSubject', String(data.subject))], text: str(data.comment) };
    case 'approval_decided':
      return {
        facts: [label('approvalSubject', String(data.subject)), label('approvalStatus', String(data.decision))],
        text: str(data.comment),
      };
    case 'follow_up_recorded':
      return {
        facts: [
          label('followUpType', String(data.followUpType)),
          str(data.date) ? formatDate(String(data.date)) : '',
          data.safetyConcern === true ? t('timeline.safetyConcern') : '',
          label('furtherAction', String(data.furtherAction)),
          str(data.nextDueDate) ? t('timeline.nextDue', { date: formatDate(String(data.nextDueDate)) }) : '',
        ],
        text: str(data.wellbeing),
      };
    case 'review_recorded':
      return {
        facts: [label('reviewOutcome', String(data.outcome)), str(data.date) ? formatDate(String(data.date)) : ''],
        text: str(data.summary),
      };
    case 'note_added':
      return { facts: [label('noteCategory', String(data.category))], text: str(data.text) };
    case 'care_status_changed':
      return {
        facts: [label('careStatus', String(data.careStatus)), t('timeline.since', { date: formatDate(str(data.since)) })],
        text: str(data.note),
      };
    case 'stage_changed':
      return {
        facts: [
          label('migrationStage', String(data.stage)),
          str(data.country) ? countryName(String(data.country)) : '',
          t('timeline.since', { date: formatDate(str(data.since)) }),
        ],
      };
    case 'consent_recorded':
      return {
        facts: [
          `${label('consentKind', String(data.kind))}: ${list('consentScope', data.scopes)}`,
          label('consentGiver', String(data.givenBy)),
          str(data.giverName) ?? '',
          label('consentMethod', String(data.method)),
          str(data.date) ? formatDate(String(data.date)) : '',
          typeof data.childAgeAtTime === 'number' ? t('timeline.ageAtTime', { age: data.childAgeAtTime }) : '',
        ],
      };
    case 'consent_withdrawn':
      return { facts: [strings(data.scopes).length > 0 ? list('consentScope', data.scopes) : t('timeline.allScopes')] };
    case 'consent_overridden':
      return { facts: [label('consentScope', String(data.scope))], text: str(data.reason) };
    case 'closure_requested': {
      const reasons = Object.values(record(data.openActionReasons)).filter((v): v is string => typeof v === 'string');
      return {
        facts: [label('closureReason', String(data.reason))],
        text: [str(data.summary), str(data.monitoringWaiverReason), ...reasons.map((reason) => `• ${reason}`)].filter(Boolean).join('\n'),
      };
    }
    case 'age_assessment_recorded':
      return {
        facts: [
          label('ageAssessmentMethod', String(data.method)),
          `${String(data.assessedMinAge)}–${String(data.assessedMaxAge)}`,
          str(data.date) ? formatDate(String(data.date)) : '',
          str(data.assessor) ?? '',
        ],
        text: str(data.findings),
      };
    case 'separation_overridden':
      return { facts: [label('eventType', String(data.action))], text: str(data.reason) };
    case 'relation_removed':
      return { facts: [label('relationship', String(data.relationship))], text: str(data.reason) };
    case 'reopened':
      return { facts: [], text: str(data.reason) };
    case 'transition_plan_recorded':
      return { facts: [], text: str(data.plan), ...childViews(data.childViews, context) };
    default:
      return { facts: [], text: str(data.note) };
  }
}

import { z } from 'zod';

const Hours = z
  .number()
  .int()
  .min(1)
  .max(24 * 365);
const Days = z.number().int().min(1).max(365);

const RiskTimeline = z.object({
  /** First substantive action after screening (Guidelines App. 6: 24 h / 3 days / 1 week) [R]. */
  firstActionHours: Hours,
  assessmentDays: Days,
  casePlanDays: Days,
  followUpDays: Days,
});
export type RiskTimeline = z.infer<typeof RiskTimeline>;

const AgeBand = z.object({
  /** Inclusive age range in completed years. */
  minAge: z.number().int().min(0).max(17),
  maxAge: z.number().int().min(0).max(17),
  /** What the child gives: nothing formal, assent, or consent. */
  child: z.enum(['none', 'assent', 'consent']),
  /** Whether a caregiver's (or guardian's, or trusted adult's) consent is needed as well. */
  adultConsent: z.boolean(),
});
export type ConsentAgeBand = z.infer<typeof AgeBand>;

/**
 * The case management policy table. Every value marked [R] in standards.md stays configurable:
 * a deployment adapts it to its national SOP (stored in `system_setting` under `case.policy`).
 */
export const CasePolicy = z.object({
  risk: z.object({ high: RiskTimeline, medium: RiskTimeline, low: RiskTimeline }),
  /** An urgent protection concern shortens the first action to this, whatever the level. */
  urgentFirstActionHours: Hours,
  /** Screening after the case is opened, when no risk level is set yet. */
  screeningHours: Hours,
  /** Promptness (R13): first contact → referral, and referral → case opening. */
  contactToReferralHours: Hours,
  referralToOpeningHours: Hours,
  /** An open case with nobody assigned (Primero: 3 h, 1 h for high risk). */
  assignHours: Hours,
  assignHoursHighRisk: Hours,
  /** A supervisor decides on a request for approval within this. */
  approvalDays: Days,
  /** Ageing out: alert this long before the 18th birthday; the transition plan is due at this point. */
  ageingOutAlertDays: Days,
  transitionPlanDaysBefore: Days,
  /** How far back an action recorded later may be dated. */
  backdateDays: Days,
  /** Consent and assent by age (standards §6.4) [R]. */
  consentAgeBands: z.array(AgeBand).min(1),
});
export type CasePolicy = z.infer<typeof CasePolicy>;

export const defaultCasePolicy: CasePolicy = {
  risk: {
    high: { firstActionHours: 24, assessmentDays: 3, casePlanDays: 7, followUpDays: 7 },
    medium: { firstActionHours: 72, assessmentDays: 7, casePlanDays: 14, followUpDays: 14 },
    low: { firstActionHours: 168, assessmentDays: 14, casePlanDays: 30, followUpDays: 30 },
  },
  urgentFirstActionHours: 4,
  screeningHours: 24,
  contactToReferralHours: 24,
  referralToOpeningHours: 72,
  assignHours: 3,
  assignHoursHighRisk: 1,
  approvalDays: 3,
  ageingOutAlertDays: 180,
  transitionPlanDaysBefore: 90,
  backdateDays: 30,
  consentAgeBands: [
    { minAge: 0, maxAge: 5, child: 'none', adultConsent: true },
    { minAge: 6, maxAge: 11, child: 'assent', adultConsent: true },
    { minAge: 12, maxAge: 14, child: 'assent', adultConsent: true },
    { minAge: 15, maxAge: 17, child: 'consent', adultConsent: false },
  ],
};

/**
 * When something recorded later happened, if acceptable: not in the future (a minute of clock
 * skew is tolerated and clamped), not before `notBefore` (the case's latest entry, so the log stays
 * in order), and not further back than the policy allows. Null when it is not acceptable.
 */
export function occurredAtWithin(at: Date, now: Date, policy: Pick<CasePolicy, 'backdateDays'>, notBefore = 0): Date | null {
  const earliest = Math.max(now.getTime() - policy.backdateDays * day, notBefore);
  if (at.getTime() > now.getTime() + 60_000 || at.getTime() < earliest) return null;
  return at.getTime() > now.getTime() ? now : at;
}

export const hour = 3_600_000;
export const day = 24 * hour;

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * hour);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * day);
}

import type { CasePolicy, ConsentAgeBand } from './casePolicy.ts';
import type { CaseState } from './caseState.ts';
import type { ConsentScope } from './codes.ts';

export type ConsentPart = 'child_assent' | 'child_consent' | 'adult_consent';

export type ConsentCheck = { valid: true; basis: 'consent' | 'best_interests_override' } | { valid: false; missing: ConsentPart[] };

/**
 * The age band that applies. With no known age, the child is asked for assent and an adult for
 * consent: the stricter reading, in keeping with the benefit of the doubt.
 */
export function consentBand(policy: CasePolicy, age: number | null): Pick<ConsentAgeBand, 'child' | 'adultConsent'> {
  if (age === null) return { child: 'assent', adultConsent: true };
  const band = policy.consentAgeBands.find((b) => age >= b.minAge && age <= b.maxAge);
  return band ?? { child: 'consent', adultConsent: false };
}

/**
 * Whether a scope has a valid consent now (standards §6.4): the child's assent or consent as
 * their age band requires, plus a caregiver's, guardian's or trusted adult's consent where the
 * band asks for one; or a documented best-interests override. Withdrawals count.
 */
export function consentFor(state: CaseState, scope: ConsentScope, age: number | null, policy: CasePolicy): ConsentCheck {
  if (state.consentOverrides.some((o) => o.scope === scope)) return { valid: true, basis: 'best_interests_override' };
  const active = state.consents.filter((c) => c.scopes.includes(scope) && !c.withdrawn.includes(scope));
  const band = consentBand(policy, age);
  const missing: ConsentPart[] = [];
  const fromChild = active.filter((c) => c.givenBy === 'child');
  if (band.child === 'consent' && !fromChild.some((c) => c.kind === 'consent')) missing.push('child_consent');
  if (band.child === 'assent' && fromChild.length === 0) missing.push('child_assent');
  if (band.adultConsent && !active.some((c) => c.givenBy !== 'child' && c.kind === 'consent')) missing.push('adult_consent');
  return missing.length === 0 ? { valid: true, basis: 'consent' } : { valid: false, missing };
}

import { evaluate } from '../policy/evaluate.ts';
import type { Principal, Purpose } from '../policy/model.ts';

/**
 * How a registration reaches child protection. `open_case`: the case opens in the registrant's
 * agency, held by them. `referral`: the child is referred to a child protection agency that accepts
 * referrals, the referral clock starts, and the registrant gets a receipt.
 */
export type RegistrationPath = 'open_case' | 'referral';

/**
 * Only a role that does case work may open a case by registering a child. Anyone else (a border
 * official, a police officer, a service provider) refers the child, whichever form they used: a
 * case opened by someone who will not work it is filed where no child protection worker sees it.
 */
export function registrationPath(principal: Principal, purpose: Purpose): RegistrationPath {
  return evaluate({ principal, purpose, action: 'work', resource: 'case' }).allowed ? 'open_case' : 'referral';
}

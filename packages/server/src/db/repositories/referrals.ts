import { HavenError, jurisdictionContains } from '@haven/domain';
import type { UnitOfWork } from '../unitOfWork.ts';
import { notificationRepository } from './notificationRepository.ts';

export interface ReferralAgency {
  id: string;
  name: string;
  code: string;
  jurisdiction: string;
}

/** Child protection agencies that accept referrals, over or under a jurisdiction (the registrant's by default). */
export async function referralAgencies(uow: UnitOfWork, jurisdiction: string): Promise<ReferralAgency[]> {
  const rows = await uow.tx
    .selectFrom('agency')
    .select(['id', 'name', 'code', 'jurisdiction'])
    .where('active', '=', true)
    .where('accepts_referrals', '=', true)
    .orderBy('jurisdiction')
    .orderBy('name')
    .execute();
  return rows.filter((a) => jurisdictionContains(jurisdiction, a.jurisdiction) || jurisdictionContains(a.jurisdiction, jurisdiction));
}

/** The agency a referral goes to: the one asked for, or the only one there is; otherwise the registrant must choose. */
export async function referralAgency(uow: UnitOfWork, jurisdiction: string, requested: string | undefined): Promise<ReferralAgency> {
  const options = await referralAgencies(uow, jurisdiction);
  const agency = requested ? options.find((a) => a.id === requested) : options.length === 1 ? options[0] : undefined;
  if (!agency) throw new HavenError('validation_failed', { field: 'referToAgencyId', options: options.length });
  return agency;
}

/** Tells the receiving agency's intake (its supervisors) that a referral waits. */
export async function notifyReferral(uow: UnitOfWork, agency: ReferralAgency, child: { jurisdiction: string; id: string }) {
  const notices = notificationRepository(uow);
  await notices.notify(await notices.supervisorsOf(agency.id, null), 'referral_received', child, child.id);
}

import type { UserAccessPatch, UserUpdateInput } from '@haven/domain';

/** The part of a user's edit a change request carries: agency, role, teams, jurisdiction (never a password). */
export function accessPatchOf(input: UserUpdateInput): UserAccessPatch {
  const { agencyId, roleId, teamIds, jurisdiction } = input;
  return {
    ...(agencyId ? { agencyId } : {}),
    ...(roleId ? { roleId } : {}),
    ...(teamIds ? { teamIds } : {}),
    ...(jurisdiction ? { jurisdiction } : {}),
  };
}

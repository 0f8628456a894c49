import type { ChangeRequest } from '@haven/domain';
import { Code, List } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { nameById, useAllAgencies, useAllRoles, useAllTeams } from '../options.ts';

/** The label of each field a change request may carry, by target. */
const fieldLabels: Record<ChangeRequest['target'], Record<string, string>> = {
  agency: {
    name: 'agencies.name',
    code: 'agencies.code',
    jurisdiction: 'common.jurisdiction',
    kind: 'agencies.kind',
    active: 'common.status',
  },
  role: {
    name: 'roles.name',
    key: 'roles.key',
    description: 'roles.description',
    category: 'roles.category',
    scope: 'roles.scope',
    permissions: 'roles.permissions',
    fieldRules: 'roles.fieldRules',
    purposes: 'roles.purposes',
    requireMfa: 'roles.requireMfa',
  },
  user: { agencyId: 'common.agency', roleId: 'users.role', teamIds: 'users.teams', jurisdiction: 'common.jurisdiction' },
};

/** Fields whose values are codes with a translated label. */
const enumOf: Record<string, string> = {
  kind: 'enums.agencyKind',
  category: 'enums.category',
  scope: 'enums.scope',
  purposes: 'enums.purpose',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function useNames() {
  const agencies = useAllAgencies();
  const roles = useAllRoles();
  const teams = useAllTeams(undefined);
  return {
    agencies: agencies.data,
    roles: roles.data,
    agency: nameById(agencies.data),
    role: nameById(roles.data),
    team: nameById(teams.data),
  };
}

function formatValue(t: TFunction, names: ReturnType<typeof useNames>, field: string, value: unknown): string | null {
  const code = (v: unknown) => (enumOf[field] ? t(`${enumOf[field]}.${String(v)}`, { defaultValue: String(v) }) : String(v));
  if (field === 'active') return value ? t('common.active') : t('common.inactive');
  if (typeof value === 'boolean') return value ? t('profile.yes') : t('profile.no');
  if (field === 'agencyId') return names.agency(String(value));
  if (field === 'roleId') return names.role(String(value));
  if (field === 'teamIds' && Array.isArray(value)) return value.map((id) => names.team(String(id))).join(', ');
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map(code).join(', ');
  if (typeof value === 'string' || typeof value === 'number') return code(value);
  return null;
}

/**
 * What a change request would change, field by field in words: only the fields that differ from the
 * record as it stands (a form sends them all), codes translated and ids shown as names.
 */
export function PatchSummary({ request }: { request: ChangeRequest }) {
  const { t } = useTranslation();
  const names = useNames();
  const current: Record<string, unknown> | undefined =
    request.target === 'agency'
      ? names.agencies?.find((a) => a.id === request.targetId)
      : request.target === 'role'
        ? names.roles?.find((r) => r.id === request.targetId)
        : undefined;
  const labels = fieldLabels[request.target];
  const entries = Object.entries(request.patch).filter(
    ([field, value]) => !(request.status === 'pending' && current && same(current[field], value)),
  );
  return (
    <List size="sm" spacing={2} listStyleType="none" p={0}>
      {entries.map(([field, value]) => {
        const shown = formatValue(t, names, field, value);
        return (
          <List.Item key={field}>
            {labels[field] ? t(labels[field]) : field}: {shown === null ? <Code>{JSON.stringify(value)}</Code> : <bdi>{shown}</bdi>}
          </List.Item>
        );
      })}
    </List>
  );
}

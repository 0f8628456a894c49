import { ageGroups, caseStatuses, riskLevels, Sex, typologies } from '@haven/domain';
import { Badge, Button, Collapse, Group, MultiSelect, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchIcon } from '../../../components/icons.tsx';
import { usePermission } from '../../auth/api.ts';
import { useAssignees } from '../../cases/api.ts';
import { useAdminAreas } from '../../codes/adminAreas.ts';
import { useCountryOptions } from '../../codes/options.ts';
import { useCodes } from '../../codes/useCodes.ts';
import { activeFilterCount, type ListFilters, type ListSort, type MultiFilter } from './listFilters.ts';

interface Props {
  filters: ListFilters;
  onChange: (next: ListFilters) => void;
}

/** The name search, always in view, and the other filters (folded away on phones). */
export function ChildFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const codes = useCodes();
  const narrow = useMediaQuery('(max-width: 48em)');
  const [opened, { toggle }] = useDisclosure(false);
  const canAssign = usePermission('case:assign');
  const assignees = useAssignees(canAssign);
  const areas = useAdminAreas();
  const countries = useCountryOptions(true);
  const [name, setName] = useState(filters.name);
  const commitName = useDebouncedCallback((value: string) => onChange({ ...filters, name: value }), 400);
  useEffect(() => setName(filters.name), [filters.name]);

  const setMulti = (key: MultiFilter) => (values: string[]) => onChange({ ...filters, multi: { ...filters.multi, [key]: values } });
  const count = activeFilterCount(filters);

  const multi = (key: MultiFilter, label: string, data: { value: string; label: string }[] | ReturnType<typeof useCountryOptions>) => (
    <MultiSelect
      label={label}
      data={data}
      value={filters.multi[key]}
      onChange={setMulti(key)}
      searchable
      clearable
      comboboxProps={{ withinPortal: true }}
    />
  );

  const fields = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm">
      {multi('status', t('cases.status'), codes.options('caseStatus', caseStatuses))}
      {multi('risk', t('cases.risk'), codes.options('riskLevel', riskLevels))}
      {multi('typology', t('children.typology'), codes.options('typology', typologies))}
      {multi('nationality', t('children.nationality'), countries)}
      {multi('ageGroup', t('children.ageGroup'), codes.options('ageGroup', ageGroups))}
      {multi(
        'sex',
        t('children.sex'),
        Sex.options.map((value) => ({ value, label: t(`enums.sex.${value}`) })),
      )}
      <Select
        label={t('cases.caseworker')}
        data={[
          { value: 'me', label: t('children.filters.assignedToMe') },
          { value: 'none', label: t('children.filters.unassigned') },
          ...(assignees.data ?? []).map((user) => ({ value: user.id, label: user.displayName })),
        ]}
        value={filters.assignedUserId}
        onChange={(value) => onChange({ ...filters, assignedUserId: value })}
        placeholder={t('children.filters.anyone')}
        clearable
        searchable
      />
      <Select
        label={t('children.location')}
        data={areas.options}
        value={filters.location}
        onChange={(value) => onChange({ ...filters, location: value })}
        placeholder={t('children.filters.anywhere')}
        clearable
        searchable
      />
      <Select
        label={t('children.filters.sort')}
        data={codes.options('sort')}
        value={filters.sort}
        onChange={(value) => onChange({ ...filters, sort: (value ?? 'due') as ListSort })}
        allowDeselect={false}
      />
      <Switch
        label={t('children.filters.overdueOnly')}
        checked={filters.overdue}
        onChange={(event) => onChange({ ...filters, overdue: event.currentTarget.checked })}
        mt={{ base: 0, xs: 'xl' }}
      />
    </SimpleGrid>
  );

  return (
    <Stack gap="sm" mb="md" component="search" aria-label={t('children.filters.label')}>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          type="search"
          label={t('children.filters.name')}
          description={t('children.filters.nameHint')}
          leftSection={<SearchIcon />}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            commitName(event.currentTarget.value);
          }}
          style={{ flex: 1 }}
        />
        {narrow && (
          <Button
            variant="default"
            onClick={toggle}
            aria-expanded={opened}
            aria-controls="child-filters"
            rightSection={
              count > 0 ? (
                <Badge size="sm" circle>
                  {count}
                </Badge>
              ) : null
            }
          >
            {t('children.filters.more')}
          </Button>
        )}
      </Group>
      {narrow ? (
        <Collapse expanded={opened} id="child-filters">
          {fields}
        </Collapse>
      ) : (
        <div id="child-filters">{fields}</div>
      )}
      {count > 0 && (
        <Group gap="xs">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() =>
              onChange({
                ...filters,
                multi: { status: [], risk: [], typology: [], nationality: [], ageGroup: [], sex: [] },
                assignedUserId: null,
                location: null,
                overdue: false,
              })
            }
          >
            {t('children.filters.clear', { count })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

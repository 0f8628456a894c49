import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toOptions, useAllAgencies } from './options.ts';

interface Props {
  value: string | null;
  onChange: (agencyId: string | null) => void;
}

/** Narrows an administrative list to one agency. */
export function AgencyFilter({ value, onChange }: Props) {
  const { t } = useTranslation();
  const agencies = useAllAgencies();
  if (!agencies.data) return null;
  return (
    <Select
      label={t('common.filterByAgency')}
      placeholder={t('common.allAgencies')}
      data={toOptions(agencies.data)}
      value={value}
      onChange={onChange}
      clearable
      searchable
      maw={360}
      mb="md"
    />
  );
}

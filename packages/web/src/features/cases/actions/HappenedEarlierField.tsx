import { Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, fromLocalDateTime, toLocalDateTime } from '../../codes/format.ts';

interface Props {
  value: string | null;
  onChange: (value: string | null) => void;
  /** The earliest moment allowed (the case's latest entry), if known. */
  notBefore?: string | null;
  error?: string | undefined;
}

/**
 * For an action recorded after the fact (field work without a connection, say): when it really
 * happened. Deadlines run from that moment.
 */
export function HappenedEarlierField({ value, onChange, notBefore, error }: Props) {
  const { t } = useTranslation();
  const [on, setOn] = useState(value !== null);
  const [local, setLocal] = useState(value ? toLocalDateTime(new Date(value)) : '');
  return (
    <Stack gap="xs">
      <Switch
        label={t('actions.happenedEarlier')}
        description={t('actions.happenedEarlierHint')}
        checked={on}
        onChange={(event) => {
          const checked = event.currentTarget.checked;
          setOn(checked);
          onChange(checked && local ? fromLocalDateTime(local) : null);
        }}
      />
      {on && (
        <TextInput
          type="datetime-local"
          label={t('actions.happenedAt')}
          description={notBefore ? t('actions.notBefore', { when: formatDateTime(notBefore) }) : undefined}
          required
          max={toLocalDateTime(new Date())}
          min={notBefore ? toLocalDateTime(new Date(notBefore)) : undefined}
          value={local}
          onChange={(event) => {
            setLocal(event.currentTarget.value);
            onChange(fromLocalDateTime(event.currentTarget.value));
          }}
          error={error}
        />
      )}
    </Stack>
  );
}

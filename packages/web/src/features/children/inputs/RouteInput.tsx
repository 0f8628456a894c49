import type { RouteLeg } from '@haven/domain';
import { ActionIcon, Button, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ChevronDownIcon, ChevronUpIcon, PlusIcon, TrashIcon } from '../../../components/icons.tsx';
import { errorAt } from '../../../forms/fieldError.ts';
import { useCountryOptions } from '../../codes/options.ts';

/** A leg as the form holds it: the country is picked after the row is added. */
export type RouteLegInput = Partial<z.infer<typeof RouteLeg>>;

interface Props {
  value: RouteLegInput[];
  onChange: (value: RouteLegInput[]) => void;
  /** The field's errors as react-hook-form holds them (one per leg and property). */
  error?: unknown;
}

const MAX_LEGS = 30;

/** Without its empty dates: an emptied date box is left out rather than sent as ''. */
function withDates(leg: RouteLegInput, dates: Partial<Pick<RouteLegInput, 'from' | 'to'>>): RouteLegInput {
  const next: RouteLegInput = { ...leg, ...dates };
  if (!next.from) delete next.from;
  if (!next.to) delete next.to;
  return next;
}

/** The countries the child passed through, in order, each with optional dates; reorderable. */
export function RouteInput({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const countries = useCountryOptions(false);
  const update = (index: number, leg: RouteLegInput) => onChange(value.map((l, i) => (i === index ? leg : l)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [leg] = next.splice(index, 1);
    if (leg) next.splice(index + by, 0, leg);
    onChange(next);
  };
  return (
    <Fieldset legend={t('route.legend')} variant="unstyled">
      <Text size="sm" c="dimmed" mb="xs">
        {t('route.hint')}
      </Text>
      <Stack gap="xs">
        {value.map((leg, index) => {
          const number = index + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: legs have no identity of their own; order is what matters.
            <Group key={index} gap="xs" align="flex-end" wrap="wrap">
              <Select
                label={t('route.country', { number })}
                data={countries}
                value={leg.country ?? null}
                onChange={(country) => update(index, { ...leg, country: country ?? undefined })}
                searchable
                required
                error={errorAt(error, [index, 'country'])}
                style={{ flex: '1 1 14rem' }}
              />
              <TextInput
                type="date"
                label={t('route.from', { number })}
                value={leg.from ?? ''}
                onChange={(event) => update(index, withDates(leg, { from: event.currentTarget.value }))}
                error={errorAt(error, [index, 'from'])}
              />
              <TextInput
                type="date"
                label={t('route.to', { number })}
                value={leg.to ?? ''}
                onChange={(event) => update(index, withDates(leg, { to: event.currentTarget.value }))}
                error={errorAt(error, [index, 'to'])}
              />
              <Group gap={4} wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  color="gray.7"
                  size="input-sm"
                  aria-label={t('route.up', { number })}
                  onClick={() => move(index, -1)}
                  disabled={index === 0}
                >
                  <ChevronUpIcon />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray.7"
                  size="input-sm"
                  aria-label={t('route.down', { number })}
                  onClick={() => move(index, 1)}
                  disabled={index === value.length - 1}
                >
                  <ChevronDownIcon />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray.7"
                  size="input-sm"
                  aria-label={t('route.remove', { number })}
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                >
                  <TrashIcon />
                </ActionIcon>
              </Group>
            </Group>
          );
        })}
      </Stack>
      <Button
        variant="subtle"
        size="compact-sm"
        mt="xs"
        leftSection={<PlusIcon />}
        disabled={value.length >= MAX_LEGS}
        onClick={() => onChange([...value, {}])}
      >
        {t('route.add')}
      </Button>
    </Fieldset>
  );
}

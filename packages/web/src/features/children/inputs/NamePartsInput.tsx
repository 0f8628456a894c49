import { type NamePartInput, namePartTypes } from '@haven/domain';
import { ActionIcon, Button, Fieldset, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PlusIcon, TrashIcon } from '../../../components/icons.tsx';
import { errorAt } from '../../../forms/fieldError.ts';
import { useCodes } from '../../codes/useCodes.ts';

interface Props {
  value: NamePartInput[];
  onChange: (value: NamePartInput[]) => void;
  /** The field's errors as react-hook-form holds them (one per part and property). */
  error?: unknown;
  required?: boolean;
}

const MAX_PARTS = 12;
const MAX_SPELLINGS = 5;

/** The next part a name chain usually has: given, then father's, then grandfather's, then family. */
function nextType(parts: NamePartInput[]): NamePartInput['type'] {
  const used = new Set(parts.map((p) => p.type));
  return (['given', 'father', 'grandfather', 'family'] as const).find((type) => !used.has(type)) ?? 'other';
}

/**
 * A name as a list of parts (given, father's, grandfather's, family, nickname…), each typed in
 * the script it was given in; the server detects the script.
 */
export function NamePartsInput({ value, onChange, error, required }: Props) {
  const { t } = useTranslation();
  const codes = useCodes();
  const update = (index: number, part: Partial<NamePartInput>) => onChange(value.map((p, i) => (i === index ? { ...p, ...part } : p)));
  const ownError =
    typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : null;

  return (
    // aria-required is not allowed on a group (axe, critical): the first part's input carries `required`, the
    // legend shows the asterisk the other required fields show.
    <Fieldset
      legend={
        <>
          {t('names.legend')}
          {required && (
            <Text span c="red.8" aria-hidden>
              {' *'}
            </Text>
          )}
        </>
      }
      variant="unstyled"
    >
      <Text size="sm" c="dimmed" mb="xs">
        {t('names.hint')}
      </Text>
      <Stack gap="xs">
        {value.map((part, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity of their own; order is what matters.
          <div key={index} className="name-part-row">
            <Select
              className="name-part-type"
              aria-label={t('names.partType', { number: index + 1 })}
              data={codes.options('namePartType', namePartTypes)}
              value={part.type ?? 'given'}
              onChange={(type) => type && update(index, { type: type as NamePartInput['type'] })}
              allowDeselect={false}
            />
            <TextInput
              className="name-part-value"
              aria-label={t('names.partValue', { number: index + 1, type: codes.label('namePartType', part.type ?? 'given') })}
              value={part.value ?? ''}
              onChange={(event) => update(index, { value: event.currentTarget.value })}
              error={errorAt(error, [index, 'value'])}
              autoComplete="off"
              dir="auto"
              required={required && index === 0}
            />
            <TagsInput
              className="name-part-spellings"
              size="xs"
              label={t('names.romanisations', { number: index + 1 })}
              description={index === 0 ? t('names.romanisationsHint') : undefined}
              value={part.romanisations ?? []}
              onChange={(romanisations) => update(index, { romanisations })}
              maxTags={MAX_SPELLINGS}
              splitChars={[',', '،']}
              acceptValueOnBlur
              clearable
              error={errorAt(error, [index, 'romanisations'])}
              dir="auto"
            />
            <ActionIcon
              className="name-part-remove"
              variant="subtle"
              color="gray.7"
              size="input-sm"
              aria-label={t('names.remove', { number: index + 1 })}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
              disabled={value.length === 1}
            >
              <TrashIcon />
            </ActionIcon>
          </div>
        ))}
      </Stack>
      {ownError && (
        <Text c="red.8" size="sm" mt={4} role="alert">
          {ownError}
        </Text>
      )}
      <Button
        variant="subtle"
        size="compact-sm"
        mt="xs"
        leftSection={<PlusIcon />}
        disabled={value.length >= MAX_PARTS}
        onClick={() => onChange([...value, { type: nextType(value), value: '' }])}
      >
        {t('names.add')}
      </Button>
    </Fieldset>
  );
}

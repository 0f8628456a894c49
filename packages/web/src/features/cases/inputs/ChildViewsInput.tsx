import { Checkbox, Fieldset, Group, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import { type Control, Controller, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorAt } from '../../../forms/fieldError.ts';
import { viewsMethods } from '../../codes/codeLists.ts';
import { useLanguageOptions } from '../../codes/options.ts';
import { useCodes } from '../../codes/useCodes.ts';

/** The child's views as a form holds them: their words and how they were heard, or why they could not be. */
export type ChildViewsValue =
  | {
      heard: true;
      words?: string;
      language?: string | undefined;
      interpreterUsed?: boolean;
      method?: (typeof viewsMethods)[number];
      childPresent?: boolean;
    }
  | { heard: false; reason?: string };

export const emptyViews: ChildViewsValue = { heard: true, words: '', method: 'interview', interpreterUsed: false, childPresent: true };

interface Props {
  value: ChildViewsValue;
  onChange: (value: ChildViewsValue) => void;
  error?: unknown;
}

/**
 * The child's views, required in assessments and plans: their own words (not a summary), or why
 * they could not be heard. An empty entry is refused.
 */
export function ChildViewsInput({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const codes = useCodes();
  const languages = useLanguageOptions();
  return (
    <Fieldset legend={t('views.legend')}>
      <Stack gap="sm">
        <SegmentedControl
          fullWidth
          value={value.heard ? 'heard' : 'not_heard'}
          onChange={(choice) => onChange(choice === 'heard' ? emptyViews : { heard: false, reason: '' })}
          data={[
            { value: 'heard', label: t('views.heard') },
            { value: 'not_heard', label: t('views.notHeard') },
          ]}
          aria-label={t('views.legend')}
        />
        {value.heard ? (
          <>
            <Textarea
              label={t('views.words')}
              description={t('views.wordsHint')}
              required
              autosize
              minRows={3}
              value={value.words ?? ''}
              onChange={(event) => onChange({ ...value, words: event.currentTarget.value })}
              error={errorAt(error, ['words'])}
            />
            <Group grow align="flex-start" gap="sm" wrap="wrap">
              <Select
                label={t('views.method')}
                data={codes.options('viewsMethod', viewsMethods)}
                value={value.method ?? 'interview'}
                onChange={(method) => method && onChange({ ...value, method: method as (typeof viewsMethods)[number] })}
                allowDeselect={false}
                miw={180}
              />
              <Select
                label={t('views.language')}
                data={languages}
                value={value.language ?? null}
                onChange={(language) => onChange({ ...value, language: language ?? undefined })}
                searchable
                clearable
                limit={60}
                miw={180}
              />
            </Group>
            <Group gap="lg">
              <Checkbox
                label={t('views.interpreterUsed')}
                checked={Boolean(value.interpreterUsed)}
                onChange={(event) => onChange({ ...value, interpreterUsed: event.currentTarget.checked })}
              />
              <Checkbox
                label={t('views.childPresent')}
                checked={value.childPresent ?? true}
                onChange={(event) => onChange({ ...value, childPresent: event.currentTarget.checked })}
              />
            </Group>
          </>
        ) : (
          <Textarea
            label={t('views.reason')}
            description={t('views.reasonHint')}
            required
            autosize
            minRows={2}
            value={value.reason ?? ''}
            onChange={(event) => onChange({ heard: false, reason: event.currentTarget.value })}
            error={errorAt(error, ['reason'])}
          />
        )}
      </Stack>
    </Fieldset>
  );
}

/** The `childViews` field of an action form (assessment, plan, transition plan), bound to its form. */
export function ChildViewsField<T extends FieldValues, TOut extends FieldValues>({ control }: { control: Control<T, unknown, TOut> }) {
  return (
    <Controller
      control={control}
      name={'childViews' as FieldPath<T>}
      render={({ field, fieldState }) => (
        <ChildViewsInput value={field.value ?? emptyViews} onChange={field.onChange} error={fieldState.error} />
      )}
    />
  );
}

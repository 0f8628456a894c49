import { Fieldset, Stack, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/ApiError.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { LiveRegion } from '../../../components/LiveRegion.tsx';
import { notifySuccess } from '../../../components/notify.ts';
import { FormActions } from '../../../forms/FormActions.tsx';
import { applyServerErrors } from '../../../forms/serverErrors.ts';
import { useZodForm } from '../../../forms/useZodForm.ts';
import { useSaveArea } from './api.ts';
import { type AreaEdit, type AreaLanguage, areaFormSchema, areaLanguages, toPayload } from './areaForm.ts';

const FIELDS = ['code', 'names'] as const;

/** Codes read left to right inside any sentence, Arabic included. */
const isolate = (code: string) => `\u2066${code}\u2069`;

const nameLabel: Record<AreaLanguage, string> = { en: 'areas.nameEn', fr: 'areas.nameFr', es: 'areas.nameEs', ar: 'areas.nameAr' };

interface Props {
  edit: AreaEdit;
  onDone: () => void;
}

/** Adds an area (under a parent, or at the top of a jurisdiction) or renames one, in the four languages. */
export function AreaForm({ edit, onDone }: Props) {
  const { t } = useTranslation();
  const parentCode = edit.mode === 'add' ? (edit.parent?.code ?? null) : null;
  const schema = useMemo(() => areaFormSchema(parentCode), [parentCode]);
  const area = edit.mode === 'rename' ? edit.area : null;
  const prefix = edit.mode === 'add' ? `${edit.parent?.code ?? edit.jurisdiction.slice(0, 2)}-` : '';
  const form = useZodForm(schema, {
    code: area?.code ?? prefix,
    names: { en: area?.names.en ?? '', fr: area?.names.fr ?? '', es: area?.names.es ?? '', ar: area?.names.ar ?? '' },
  });
  const { errors } = form.formState;
  const save = useSaveArea();
  const onSubmit = form.handleSubmit((values) =>
    save.mutate(toPayload(edit, values), {
      onSuccess: () => {
        notifySuccess(t('common.saved'));
        onDone();
      },
      // The server names the issues of the one area sent `areas.0.…`: show them under this form's fields.
      onError: (error) => {
        if (!(error instanceof ApiError)) return;
        const local = new ApiError(error.status, error.code, error.message, {
          ...error.details,
          issues: error.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^areas\.0\./, '') })),
        });
        applyServerErrors(local, form.setError, FIELDS);
      },
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <LiveRegion>
          <ApiErrorAlert error={save.error} fields={FIELDS.map((f) => `areas.0.${f}`)} />
        </LiveRegion>
        {area ? (
          <Text size="sm">
            <Text span c="dimmed">
              {t('areas.code')}:{' '}
            </Text>
            <span className="mono">{area.code}</span>
          </Text>
        ) : (
          <TextInput
            label={t('areas.code')}
            description={
              parentCode
                ? t('areas.codeHint', { prefix: isolate(prefix), example: isolate(`${prefix}ATH`) })
                : t('areas.codeHintTop', { example: isolate(`${prefix}I`) })
            }
            required
            dir="ltr"
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            classNames={{ input: 'mono' }}
            error={errors.code?.message}
            {...form.register('code')}
          />
        )}
        <Fieldset legend={t('areas.names')} variant="unstyled">
          <Stack gap="sm">
            {areaLanguages.map((language) => (
              <TextInput
                key={language}
                label={t(nameLabel[language])}
                description={language === 'en' ? undefined : t('areas.optional')}
                required={language === 'en'}
                lang={language}
                dir={language === 'ar' ? 'rtl' : 'ltr'}
                error={errors.names?.[language]?.message}
                {...form.register(`names.${language}`)}
              />
            ))}
          </Stack>
        </Fieldset>
        <FormActions onCancel={onDone} loading={save.isPending} />
      </Stack>
    </form>
  );
}

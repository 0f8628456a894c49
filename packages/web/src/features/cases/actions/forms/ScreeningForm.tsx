import { riskLevels, type ScreeningIndicator, screeningIndicators } from '@haven/domain';
import { Input, SegmentedControl, Stack, Switch, Textarea } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCodes } from '../../../codes/useCodes.ts';
import { IndicatorChecklist } from '../../inputs/IndicatorChecklist.tsx';
import { useCaseContext } from '../../page/CaseContext.tsx';
import { ActionFormShell } from '../ActionFormShell.tsx';
import { useCaseAction } from '../useCaseAction.ts';
import type { ActionFormProps } from './types.ts';

const isIndicator = (value: unknown): value is ScreeningIndicator => (screeningIndicators as readonly unknown[]).includes(value);

/** The concerns a first-contact registrant noticed, offered to the screening. */
function concernsAtRegistration(events: { type: string; data?: Record<string, unknown> | undefined }[]): ScreeningIndicator[] {
  const concerns = events.find((event) => event.type === 'registered')?.data?.concerns;
  return Array.isArray(concerns) ? concerns.filter(isIndicator) : [];
}

/** Screening: the risk level (which sets the deadlines), urgent concern, indicators, and whether the family is complicit. */
export function ScreeningForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const codes = useCodes();
  const { view } = useCaseContext();
  const noticed = concernsAtRegistration(view.events);
  const indicators = [...new Set([...(view.indicators ?? []).filter(isIndicator), ...noticed])];
  const action = useCaseAction(
    'screened',
    {
      indicators,
      urgentProtectionConcern: view.summary.urgent,
      familyComplicit: view.familyComplicit,
      summary: '',
      ...(view.riskLevel ? { riskLevel: view.riskLevel } : {}),
    },
    { onDone },
  );
  const { control, register, formState } = action.form;
  return (
    <ActionFormShell action={action} onCancel={onDone}>
      <Controller
        control={control}
        name="riskLevel"
        render={({ field, fieldState }) => (
          <Input.Wrapper label={t('screening.risk')} description={t('screening.riskHint')} required error={fieldState.error?.message}>
            <SegmentedControl
              fullWidth
              mt={6}
              value={field.value ?? ''}
              onChange={field.onChange}
              data={riskLevels.map((level) => ({ value: level, label: codes.label('riskLevel', level) }))}
              aria-label={t('screening.risk')}
            />
          </Input.Wrapper>
        )}
      />
      <Stack gap="sm">
        <Controller
          control={control}
          name="urgentProtectionConcern"
          render={({ field }) => (
            <Switch
              label={t('screening.urgent')}
              description={t('screening.urgentHint')}
              checked={Boolean(field.value)}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
              color="red.9"
            />
          )}
        />
        <Controller
          control={control}
          name="familyComplicit"
          render={({ field }) => (
            <Switch
              label={t('screening.familyComplicit')}
              description={t('screening.familyComplicitHint')}
              checked={Boolean(field.value)}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
            />
          )}
        />
      </Stack>
      <Input.Wrapper label={t('screening.indicators')} description={t('screening.indicatorsHint')}>
        <Controller
          control={control}
          name="indicators"
          render={({ field }) => (
            <IndicatorChecklist
              value={field.value ?? []}
              onChange={field.onChange}
              noticedEarlier={noticed}
              noticedLabel={t('screening.noticedAtFirstContact')}
            />
          )}
        />
      </Input.Wrapper>
      <Textarea label={t('screening.summary')} autosize minRows={2} error={formState.errors.summary?.message} {...register('summary')} />
    </ActionFormShell>
  );
}

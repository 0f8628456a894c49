import { consentGivers, consentScopes } from '@haven/domain';
import { Checkbox, Group, Input, SegmentedControl, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../../forms/fields.tsx';
import { adultExclusionReasons, consentKinds, consentMethods } from '../../../codes/codeLists.ts';
import { today } from '../../../codes/format.ts';
import { useCodes } from '../../../codes/useCodes.ts';
import { useCaseContext } from '../../page/CaseContext.tsx';
import { ActionFormShell } from '../ActionFormShell.tsx';
import { useCaseAction } from '../useCaseAction.ts';
import type { ActionFormProps } from './types.ts';

/** A consent or assent, by the child or an adult, for one or more scopes; the child's age at the time is kept with it. */
export function ConsentForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const codes = useCodes();
  const { view } = useCaseContext();
  const missing = consentScopes.filter((scope) => !view.consents.byScope[scope]?.valid);
  const action = useCaseAction(
    'consent_recorded',
    {
      scopes: missing.includes('services') ? ['services'] : [],
      givenBy: 'child',
      kind: 'consent',
      method: 'verbal',
      date: today(),
      giverName: '',
      relation: '',
    },
    { onDone },
  );
  const { control, register, formState } = action.form;
  const givenBy = useWatch({ control, name: 'givenBy' });
  return (
    <ActionFormShell action={action} onCancel={onDone} allowBackdating={false}>
      <Controller
        control={control}
        name="scopes"
        render={({ field, fieldState }) => (
          <Checkbox.Group
            label={t('consents.scopes')}
            description={t('consents.scopesHint')}
            required
            value={field.value ?? []}
            onChange={field.onChange}
            error={fieldState.error?.message}
          >
            <Group gap="md" mt={6}>
              {consentScopes.map((scope) => (
                <Checkbox key={scope} value={scope} label={codes.label('consentScope', scope)} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <SelectField
          control={control}
          name="givenBy"
          label={t('consents.givenBy')}
          data={codes.options('consentGiver', consentGivers)}
          required
          allowDeselect={false}
        />
        <Controller
          control={control}
          name="kind"
          render={({ field }) => (
            <Input.Wrapper label={t('consents.kind')} description={t('consents.kindHint')}>
              <SegmentedControl
                fullWidth
                mt={4}
                value={field.value ?? 'consent'}
                onChange={field.onChange}
                data={codes.options('consentKind', consentKinds)}
                aria-label={t('consents.kind')}
              />
            </Input.Wrapper>
          )}
        />
      </SimpleGrid>
      {givenBy && givenBy !== 'child' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('consents.giverName')} error={formState.errors.giverName?.message} {...register('giverName')} />
          <TextInput
            label={t('consents.relation')}
            description={t('consents.relationHint')}
            error={formState.errors.relation?.message}
            {...register('relation')}
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <SelectField
          control={control}
          name="method"
          label={t('consents.method')}
          data={codes.options('consentMethod', consentMethods)}
          required
          allowDeselect={false}
        />
        <TextInput
          type="date"
          label={t('consents.date')}
          required
          max={today()}
          error={formState.errors.date?.message}
          {...register('date')}
        />
      </SimpleGrid>
      {givenBy === 'child' && (
        <SelectField
          control={control}
          name="adultExclusionReason"
          label={t('consents.noAdult')}
          description={t('consents.noAdultHint')}
          data={codes.options('adultExclusionReason', adultExclusionReasons)}
          clearable
        />
      )}
    </ActionFormShell>
  );
}

/** A best-interests override where consent cannot be obtained: documented, and only for roles allowed to. */
export function ConsentOverrideForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const codes = useCodes();
  const action = useCaseAction('consent_overridden', { reason: '' }, { onDone });
  return (
    <ActionFormShell action={action} onCancel={onDone} submitLabel={t('consents.override')} allowBackdating={false}>
      <SelectField
        control={action.form.control}
        name="scope"
        label={t('consents.scope')}
        data={codes.options('consentScope', consentScopes)}
        required
        allowDeselect={false}
      />
      <Textarea
        label={t('consents.overrideReason')}
        description={t('consents.overrideReasonHint')}
        required
        autosize
        minRows={4}
        error={action.form.formState.errors.reason?.message}
        {...action.form.register('reason')}
      />
    </ActionFormShell>
  );
}

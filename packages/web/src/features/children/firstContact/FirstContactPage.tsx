import { encounterSettings, FirstContactInput, type NamePartInput, Sex, type Typology } from '@haven/domain';
import {
  Alert,
  Card,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { LiveRegion } from '../../../components/LiveRegion.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { ChoiceChips } from '../../../forms/ChoiceChips.tsx';
import { FormActions } from '../../../forms/FormActions.tsx';
import { SelectField } from '../../../forms/fields.tsx';
import { LocalDateTime } from '../../../forms/localDateTime.ts';
import { applyServerErrors } from '../../../forms/serverErrors.ts';
import { useZodForm } from '../../../forms/useZodForm.ts';
import { IndicatorChecklist } from '../../cases/inputs/IndicatorChecklist.tsx';
import { useAdminAreas } from '../../codes/adminAreas.ts';
import { fromLocalDateTime, today, toLocalDateTime } from '../../codes/format.ts';
import { useCountryOptions } from '../../codes/options.ts';
import { useCodes } from '../../codes/useCodes.ts';
import { type FirstContactReceipt, useFirstContact, useReferralAgencies } from '../api.ts';
import { FirstContactResult } from './FirstContactResult.tsx';

/** The typologies a registrant can tell at a first encounter. */
const quickTypologies: Typology[] = [
  'unaccompanied',
  'separated',
  'trafficking_presumed',
  'asylum_seeker',
  'refugee',
  'stateless',
  'in_immigration_detention',
];

/** The form's own shape: names as two boxes, the moment as local time; turned into a FirstContactInput on submit. */
const FirstContactForm = FirstContactInput.omit({ names: true, firstContactAt: true }).extend({
  givenName: z.string().trim().max(120).optional(),
  familyName: z.string().trim().max(120).optional(),
  firstContactAt: LocalDateTime,
});
type FirstContactForm = z.infer<typeof FirstContactForm>;

const FIELDS = [
  'givenName',
  'familyName',
  'sex',
  'approximateAge',
  'birthDate',
  'nationality',
  'typology',
  'encounterSetting',
  'firstContactAt',
  'locationCode',
  'urgentConcern',
  'concerns',
  'referToAgencyId',
  'note',
] as const;

export function toFirstContactInput({ givenName, familyName, firstContactAt, ...rest }: FirstContactForm): FirstContactInput {
  const names: NamePartInput[] = [
    ...(givenName ? [{ type: 'given' as const, value: givenName }] : []),
    ...(familyName ? [{ type: 'family' as const, value: familyName }] : []),
  ];
  return {
    ...rest,
    names: names.map((part) => ({ ...part, romanisations: [] })),
    firstContactAt: fromLocalDateTime(firstContactAt) ?? firstContactAt,
  };
}

/**
 * Quick registration at a first encounter, made for a phone: a few taps, then the child is
 * referred to child protection at once. The registrant gets the reference, never the record.
 */
export function FirstContactPage() {
  const { t } = useTranslation();
  const codes = useCodes();
  const agencies = useReferralAgencies();
  const areas = useAdminAreas();
  const countries = useCountryOptions(true);
  const submit = useFirstContact();
  const [ageKnownAs, setAgeKnownAs] = useState<'approximate' | 'birthDate'>('approximate');
  const [receipt, setReceipt] = useState<FirstContactReceipt | null>(null);
  const form = useZodForm(FirstContactForm, {
    givenName: '',
    familyName: '',
    nationality: [],
    typology: [],
    concerns: [],
    urgentConcern: false,
    firstContactAt: toLocalDateTime(new Date()),
    note: '',
  });
  const { errors } = form.formState;
  const onlyAgency = agencies.data?.length === 1 ? agencies.data[0] : undefined;

  const onSubmit = form.handleSubmit((values) => {
    const input = toFirstContactInput(values);
    if (ageKnownAs === 'approximate') delete input.birthDate;
    else delete input.approximateAge;
    if (onlyAgency) input.referToAgencyId = onlyAgency.id;
    submit.mutate(input, {
      onSuccess: setReceipt,
      onError: (error) => applyServerErrors(error, form.setError, FIELDS),
    });
  });

  const again = () => {
    form.reset({ ...form.formState.defaultValues, firstContactAt: toLocalDateTime(new Date()) });
    submit.reset();
    setReceipt(null);
    window.scrollTo({ top: 0 });
  };

  return (
    <Stack gap="md" maw={720}>
      <PageTitle title={t('firstContact.title')} description={t('firstContact.intro')} />
      <LiveRegion mode="polite">{receipt && <FirstContactResult receipt={receipt} onAnother={again} />}</LiveRegion>
      {!receipt && (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <LiveRegion>
              <ApiErrorAlert error={submit.error} fields={FIELDS} />
            </LiveRegion>
            <Card withBorder padding="md" component="section" aria-labelledby="fc-child">
              <Title order={2} size="h4" mb="sm" id="fc-child">
                {t('firstContact.child')}
              </Title>
              <Stack gap="md">
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                  <TextInput
                    label={t('code.namePartType.given')}
                    description={t('firstContact.nameIfKnown')}
                    autoComplete="off"
                    size="md"
                    error={errors.givenName?.message}
                    {...form.register('givenName')}
                  />
                  <TextInput
                    label={t('code.namePartType.family')}
                    autoComplete="off"
                    size="md"
                    error={errors.familyName?.message}
                    {...form.register('familyName')}
                  />
                </SimpleGrid>
                <Controller
                  control={form.control}
                  name="sex"
                  render={({ field, fieldState }) => (
                    <ChoiceChips
                      label={t('children.sex')}
                      required
                      data={Sex.options.map((value) => ({ value, label: t(`enums.sex.${value}`) }))}
                      value={field.value ?? null}
                      onChange={field.onChange}
                      error={fieldState.error?.message}
                    />
                  )}
                />
                <Stack gap={6}>
                  <SegmentedControl
                    value={ageKnownAs}
                    onChange={(value) => setAgeKnownAs(value as typeof ageKnownAs)}
                    data={[
                      { value: 'approximate', label: t('firstContact.approximateAge') },
                      { value: 'birthDate', label: t('children.birthDate') },
                    ]}
                    aria-label={t('firstContact.ageKnownAs')}
                  />
                  {ageKnownAs === 'approximate' ? (
                    <Controller
                      control={form.control}
                      name="approximateAge"
                      render={({ field, fieldState }) => (
                        <NumberInput
                          label={t('firstContact.approximateAge')}
                          description={t('firstContact.approximateAgeHint')}
                          size="md"
                          min={0}
                          max={25}
                          allowDecimal={false}
                          allowNegative={false}
                          value={field.value ?? ''}
                          onChange={(value) => field.onChange(typeof value === 'number' ? value : undefined)}
                          onBlur={field.onBlur}
                          error={fieldState.error?.message}
                        />
                      )}
                    />
                  ) : (
                    <TextInput
                      type="date"
                      label={t('children.birthDate')}
                      size="md"
                      max={today()}
                      error={errors.birthDate?.message}
                      {...form.register('birthDate')}
                    />
                  )}
                </Stack>
                <Controller
                  control={form.control}
                  name="nationality"
                  render={({ field, fieldState }) => (
                    <Select
                      label={t('children.nationality')}
                      description={t('firstContact.nationalityHint')}
                      data={countries}
                      value={field.value?.[0] ?? null}
                      onChange={(value) => field.onChange(value ? [value] : [])}
                      searchable
                      clearable
                      size="md"
                      error={fieldState.error?.message}
                    />
                  )}
                />
                <Controller
                  control={form.control}
                  name="typology"
                  render={({ field }) => (
                    <ChoiceChips
                      multiple
                      label={t('firstContact.situation')}
                      description={t('firstContact.situationHint')}
                      data={codes.options('typology', quickTypologies)}
                      value={field.value ?? []}
                      onChange={field.onChange}
                    />
                  )}
                />
              </Stack>
            </Card>
            <Card withBorder padding="md" component="section" aria-labelledby="fc-encounter">
              <Title order={2} size="h4" mb="sm" id="fc-encounter">
                {t('firstContact.encounter')}
              </Title>
              <Stack gap="md">
                <SelectField
                  control={form.control}
                  name="encounterSetting"
                  label={t('firstContact.setting')}
                  data={codes.options('encounterSetting', encounterSettings)}
                  required
                  size="md"
                  allowDeselect={false}
                />
                <TextInput
                  type="datetime-local"
                  label={t('firstContact.when')}
                  required
                  size="md"
                  max={toLocalDateTime(new Date())}
                  error={errors.firstContactAt?.message}
                  {...form.register('firstContactAt')}
                />
                <SelectField
                  control={form.control}
                  name="locationCode"
                  label={t('children.location')}
                  data={areas.options}
                  searchable
                  clearable
                  size="md"
                />
              </Stack>
            </Card>
            <Card withBorder padding="md" component="section" aria-labelledby="fc-concerns">
              <Title order={2} size="h4" mb="sm" id="fc-concerns">
                {t('firstContact.concerns')}
              </Title>
              <Stack gap="md">
                <Controller
                  control={form.control}
                  name="urgentConcern"
                  render={({ field }) => (
                    <Switch
                      size="md"
                      label={t('firstContact.urgent')}
                      description={t('firstContact.urgentHint')}
                      checked={Boolean(field.value)}
                      onChange={(event) => field.onChange(event.currentTarget.checked)}
                      color="red.9"
                    />
                  )}
                />
                <Controller
                  control={form.control}
                  name="concerns"
                  render={({ field }) => <IndicatorChecklist value={field.value ?? []} onChange={field.onChange} />}
                />
              </Stack>
            </Card>
            <Card withBorder padding="md" component="section" aria-labelledby="fc-referral">
              <Title order={2} size="h4" mb="sm" id="fc-referral">
                {t('firstContact.referral')}
              </Title>
              <Stack gap="md">
                {onlyAgency ? (
                  <Text>
                    {t('firstContact.referredToOne')} <strong>{onlyAgency.name}</strong>
                  </Text>
                ) : agencies.data && agencies.data.length > 1 ? (
                  <SelectField
                    control={form.control}
                    name="referToAgencyId"
                    label={t('firstContact.referTo')}
                    description={t('firstContact.referToHint')}
                    data={agencies.data.map((agency) => ({ value: agency.id, label: agency.name }))}
                    size="md"
                  />
                ) : (
                  agencies.isSuccess && <Alert color="yellow">{t('firstContact.noAgency')}</Alert>
                )}
                <Textarea
                  label={t('firstContact.note')}
                  description={t('firstContact.noteHint')}
                  autosize
                  minRows={3}
                  size="md"
                  error={errors.note?.message}
                  {...form.register('note')}
                />
              </Stack>
            </Card>
            <FormActions loading={submit.isPending} submitLabel={t('firstContact.submit')} />
          </Stack>
        </form>
      )}
    </Stack>
  );
}

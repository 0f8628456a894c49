import { ageInYears, ChildInput, encounterSettings } from '@haven/domain';
import { Alert, Box, Button, Card, Checkbox, Grid, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { type Control, Controller, type DefaultValues, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { CheckIcon } from '../../../components/icons.tsx';
import { LiveRegion } from '../../../components/LiveRegion.tsx';
import { notifySuccess } from '../../../components/notify.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { FormActions } from '../../../forms/FormActions.tsx';
import { SelectField } from '../../../forms/fields.tsx';
import { LocalDateTime } from '../../../forms/localDateTime.ts';
import { applyServerErrors } from '../../../forms/serverErrors.ts';
import { useZodForm } from '../../../forms/useZodForm.ts';
import { toOptions, useAllTeams } from '../../admin/options.ts';
import { useMe, usePermission } from '../../auth/api.ts';
import { fromLocalDateTime, toLocalDateTime } from '../../codes/format.ts';
import { useCodes } from '../../codes/useCodes.ts';
import { type ChildReceipt, type DuplicateCheckInput, useRegisterChild } from '../api.ts';
import { emptyAge } from '../inputs/AgeInput.tsx';
import {
  AgeField,
  DisabilityField,
  DocumentFields,
  IdentityFields,
  LocationFields,
  OriginFields,
  ProtectionFields,
  RouteField,
  SituationFields,
} from '../inputs/ProfileFields.tsx';
import { PossibleDuplicates, usePossibleDuplicates } from './PossibleDuplicates.tsx';

/** The registration as the form holds it: the first contact as local time, sent as an instant. */
const ChildForm = ChildInput.extend({ firstContactAt: LocalDateTime.optional() });
type ChildForm = z.input<typeof ChildForm>;
type ChildFormOutput = z.infer<typeof ChildForm>;
type FormControl = Control<ChildForm, unknown, ChildFormOutput>;

const FIELDS = [
  'names',
  'sex',
  'age',
  'nationality',
  'citizenshipStatus',
  'countryOfBirth',
  'languages',
  'disability',
  'documents',
  'birthRegistration',
  'locationCode',
  'locationDetail',
  'typology',
  'protectionCategories',
  'careStatus',
  'stage',
  'movementType',
  'drivers',
  'route',
  'legalStatus',
  'protectionNotes',
  'teamId',
  'firstContactAt',
  'encounterSetting',
] as const;

const defaults: DefaultValues<ChildForm> = {
  names: [{ type: 'given', value: '' }],
  age: emptyAge,
  nationality: [],
  citizenshipStatus: 'unknown',
  languages: [],
  documents: [],
  birthRegistration: 'unknown',
  typology: [],
  protectionCategories: [],
  drivers: [],
  route: [],
  locationDetail: '',
  legalStatus: '',
  protectionNotes: '',
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="md" id={id}>
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Card>
  );
}

/** What the duplicate check needs, once a name part and the sex are known; null until then. */
function useDuplicateSubject(control: FormControl): DuplicateCheckInput | null {
  const [names, sex, age, nationality] = useWatch({ control, name: ['names', 'sex', 'age', 'nationality'] });
  const parts = (names ?? [])
    .filter((part) => part.value?.trim())
    .map((part) => ({ type: part.type ?? 'given', value: part.value?.trim() ?? '' }));
  if (parts.length === 0 || !sex) return null;
  const years = age ? ageInYears({ ...emptyAge, ...age } as Parameters<typeof ageInYears>[0], new Date()) : null;
  return {
    names: parts,
    sex,
    ...(age?.birthDate ? { birthDate: age.birthDate } : years !== null && years <= 25 ? { approximateAge: years } : {}),
    nationality: nationality ?? [],
  };
}

function IdentitySection({ control }: { control: FormControl }) {
  const { t } = useTranslation();
  return (
    <Section id="reg-identity" title={t('children.identity')}>
      <IdentityFields control={control} />
      <AgeField control={control} />
    </Section>
  );
}

function LocationSection({ control, teamField }: { control: FormControl; teamField: ReactNode }) {
  const { t } = useTranslation();
  const codes = useCodes();
  return (
    <Section id="reg-location" title={t('children.contactAndWhereabouts')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <SelectField
          control={control}
          name="encounterSetting"
          label={t('firstContact.setting')}
          data={codes.options('encounterSetting', encounterSettings)}
          clearable
        />
        <Controller
          control={control}
          name="firstContactAt"
          render={({ field, fieldState }) => (
            <TextInput
              type="datetime-local"
              label={t('children.firstContactAt')}
              description={t('children.firstContactAtHint')}
              max={toLocalDateTime(new Date())}
              {...field}
              value={field.value ?? ''}
              error={fieldState.error?.message}
            />
          )}
        />
      </SimpleGrid>
      <LocationFields control={control} beside={teamField} />
      <RouteField control={control} />
    </Section>
  );
}

function ProtectionSection({ control }: { control: FormControl }) {
  const { t } = useTranslation();
  const age = useWatch({ control, name: 'age' });
  const years = age ? ageInYears({ ...emptyAge, ...age } as Parameters<typeof ageInYears>[0], new Date()) : null;
  return (
    <Section id="reg-protection" title={t('children.protectionAndDocuments')}>
      <ProtectionFields control={control} />
      <Title order={3} size="h5">
        {t('documents.title')}
      </Title>
      <DocumentFields control={control} />
      <Title order={3} size="h5">
        {t('disability.title')}
      </Title>
      <DisabilityField control={control} ageYears={years} />
    </Section>
  );
}

function Receipt({ receipt, onAnother }: { receipt: ChildReceipt; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" icon={<CheckIcon />} title={t('children.registeredTitle')} role="status">
        {t('children.receipt', { reference: receipt.reference })}
      </Alert>
      <Button onClick={onAnother} w="fit-content">
        {t('children.registerAnother')}
      </Button>
    </Stack>
  );
}

/** Full registration by a caseworker: the case opens at once, with a check for possible duplicates before saving. */
export function RegisterChildPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const canRead = usePermission('child:read');
  const teams = useAllTeams(me.user.agencyId);
  const register = useRegisterChild();
  const form = useZodForm<ChildForm, ChildFormOutput>(ChildForm, defaults);
  const duplicates = usePossibleDuplicates(useDuplicateSubject(form.control));
  // Likely duplicates must be looked at before registering again: the user confirms it is another child.
  const likelyIds = duplicates.likely.map((candidate) => candidate.childId).join();
  const [checkedDuplicates, setCheckedDuplicates] = useState<{ ids: string; confirmed: boolean; missing: boolean }>({
    ids: '',
    confirmed: false,
    missing: false,
  });
  const confirmedDifferent = checkedDuplicates.ids === likelyIds && checkedDuplicates.confirmed;

  const onSubmit = form.handleSubmit(({ firstContactAt, ...values }) => {
    if (duplicates.likely.length > 0 && !confirmedDifferent) {
      setCheckedDuplicates({ ids: likelyIds, confirmed: false, missing: true });
      return;
    }
    register.mutate(
      { ...values, ...(firstContactAt ? { firstContactAt: fromLocalDateTime(firstContactAt) ?? firstContactAt } : {}) },
      {
        onSuccess: (result) => {
          if (result.kind === 'child' && canRead) {
            notifySuccess(t('children.registeredNotice', { reference: result.child.reference }));
            navigate(`/children/${result.child.id}`);
          }
        },
        onError: (error) => applyServerErrors(error, form.setError, FIELDS),
      },
    );
  });

  const result = register.data;
  const receipt: ChildReceipt | null =
    result?.kind === 'receipt' ? result.receipt : result?.kind === 'child' && !canRead ? result.child : null;
  const activeTeams = (teams.data ?? []).filter((team) => team.active);
  const teamField = activeTeams.length > 1 && (
    <SelectField control={form.control} name="teamId" label={t('children.team')} data={toOptions(activeTeams)} clearable />
  );

  if (receipt) {
    return (
      <Stack gap="md">
        <PageTitle title={t('children.registerTitle')} />
        <LiveRegion mode="polite">
          <Receipt
            receipt={receipt}
            onAnother={() => {
              form.reset(defaults);
              register.reset();
            }}
          />
        </LiveRegion>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <PageTitle title={t('children.registerTitle')} description={t('children.registerIntro')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <form onSubmit={onSubmit} noValidate aria-label={t('children.registerTitle')}>
            <Stack gap="lg">
              <LiveRegion>
                <ApiErrorAlert error={register.error} fields={FIELDS} />
              </LiveRegion>
              <IdentitySection control={form.control} />
              <Box hiddenFrom="md">
                <PossibleDuplicates duplicates={duplicates} />
              </Box>
              <Section id="reg-origin" title={t('children.originAndLanguages')}>
                <OriginFields control={form.control} />
              </Section>
              <Section id="reg-situation" title={t('children.situation')}>
                <SituationFields control={form.control} withCareAndStage />
              </Section>
              <LocationSection control={form.control} teamField={teamField} />
              <ProtectionSection control={form.control} />
              {duplicates.likely.length > 0 && (
                <Checkbox
                  label={t('duplicates.confirmDifferent')}
                  checked={confirmedDifferent}
                  onChange={(event) => setCheckedDuplicates({ ids: likelyIds, confirmed: event.currentTarget.checked, missing: false })}
                  error={checkedDuplicates.missing && !confirmedDifferent ? t('duplicates.confirmFirst') : undefined}
                />
              )}
              <FormActions
                loading={register.isPending}
                submitLabel={t('children.register')}
                onCancel={() => navigate(canRead ? '/children' : '/')}
              />
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} visibleFrom="md">
          <Box pos="sticky" top={76}>
            <PossibleDuplicates duplicates={duplicates} />
          </Box>
        </Grid.Col>
      </Grid>
      {canRead && (
        <Button component={Link} to="/children" variant="subtle" w="fit-content">
          {t('children.backToList')}
        </Button>
      )}
    </Stack>
  );
}

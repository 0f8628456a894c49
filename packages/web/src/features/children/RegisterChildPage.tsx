import { ChildInput, Sex } from '@haven/domain';
import { Alert, Button, Card, SimpleGrid, Stack, TagsInput, TextInput, Textarea, Title } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { CheckIcon } from '../../components/icons.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fieldError } from '../../forms/fieldError.ts';
import { SelectField } from '../../forms/fields.tsx';
import { FormActions } from '../../forms/FormActions.tsx';
import { applyServerErrors } from '../../forms/serverErrors.ts';
import { useZodForm } from '../../forms/useZodForm.ts';
import { toOptions, useAllTeams } from '../admin/options.ts';
import { useMe, usePermission } from '../auth/api.ts';
import { type ChildReceipt, useRegisterChild } from './api.ts';
import { LiveRegion } from '../../components/LiveRegion.tsx';

const FIELDS = [
  'givenName',
  'familyName',
  'sex',
  'birthDate',
  'nationality',
  'location',
  'legalStatus',
  'protectionNotes',
  'jurisdiction',
  'teamId',
] as const;

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

export function RegisterChildPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const canRead = usePermission('child:read');
  const teams = useAllTeams(me.user.agencyId);
  const register = useRegisterChild();
  const form = useZodForm(ChildInput, {
    givenName: '',
    familyName: '',
    birthDate: '',
    nationality: [],
    location: '',
    legalStatus: '',
    protectionNotes: '',
    jurisdiction: '',
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    register.mutate(values, {
      onSuccess: (result) => {
        if (result.kind === 'child' && canRead) {
          notifySuccess(t('children.registeredNotice', { reference: result.child.reference }));
          navigate(`/children/${result.child.id}`);
        }
      },
      onError: (error) => applyServerErrors(error, form.setError, FIELDS),
    }),
  );

  const result = register.data;
  const receipt: ChildReceipt | null =
    result?.kind === 'receipt' ? result.receipt : result?.kind === 'child' && !canRead ? result.child : null;

  return (
    <Stack gap="md">
      <PageTitle title={t('children.registerTitle')} description={t('children.registerIntro')} />
      <LiveRegion mode="polite">
        {receipt && (
          <Receipt
            receipt={receipt}
            onAnother={() => {
              form.reset();
              register.reset();
            }}
          />
        )}
      </LiveRegion>
      {!receipt && (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="lg">
            <LiveRegion>
              <ApiErrorAlert error={register.error} fields={FIELDS} />
            </LiveRegion>
            <Card withBorder padding="lg" component="section" aria-labelledby="child-identity">
              <Title order={2} size="h4" mb="md" id="child-identity">
                {t('children.identity')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  label={t('children.givenName')}
                  required
                  autoComplete="off"
                  error={errors.givenName?.message}
                  {...form.register('givenName')}
                />
                <TextInput
                  label={t('children.familyName')}
                  autoComplete="off"
                  error={errors.familyName?.message}
                  {...form.register('familyName')}
                />
                <SelectField
                  control={form.control}
                  name="sex"
                  label={t('children.sex')}
                  data={Sex.options.map((value) => ({ value, label: t(`enums.sex.${value}`) }))}
                  required
                  allowDeselect={false}
                />
                <TextInput
                  type="date"
                  label={t('children.birthDate')}
                  description={t('children.birthDateHint')}
                  max={new Date().toISOString().slice(0, 10)}
                  error={errors.birthDate?.message}
                  {...form.register('birthDate')}
                />
              </SimpleGrid>
              <Controller
                control={form.control}
                name="nationality"
                render={({ field, fieldState }) => (
                  <TagsInput
                    mt="md"
                    ref={field.ref}
                    label={t('children.nationality')}
                    description={t('children.nationalityHint')}
                    value={field.value ?? []}
                    onChange={(codes) => field.onChange(codes.map((code) => code.trim().toUpperCase()))}
                    onBlur={field.onBlur}
                    maxTags={5}
                    clearable
                    error={fieldError(fieldState.error)}
                  />
                )}
              />
            </Card>
            <Card withBorder padding="lg" component="section" aria-labelledby="child-situation">
              <Title order={2} size="h4" mb="md" id="child-situation">
                {t('children.situation')}
              </Title>
              <Stack gap="md">
                <TextInput label={t('children.location')} error={errors.location?.message} {...form.register('location')} />
                <TextInput
                  label={t('children.legalStatus')}
                  error={errors.legalStatus?.message}
                  {...form.register('legalStatus')}
                />
                <Textarea
                  label={t('children.protectionNotes')}
                  autosize
                  minRows={3}
                  error={errors.protectionNotes?.message}
                  {...form.register('protectionNotes')}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <TextInput
                    label={t('common.jurisdiction')}
                    description={t('children.jurisdictionHint')}
                    autoCapitalize="characters"
                    error={errors.jurisdiction?.message}
                    {...form.register('jurisdiction')}
                  />
                  {teams.data && teams.data.length > 0 && (
                    <SelectField
                      control={form.control}
                      name="teamId"
                      label={t('children.team')}
                      data={toOptions(teams.data.filter((team) => team.active))}
                      clearable
                    />
                  )}
                </SimpleGrid>
              </Stack>
            </Card>
            <FormActions
              loading={register.isPending}
              submitLabel={t('children.register')}
              onCancel={canRead ? () => navigate('/children') : undefined}
            />
          </Stack>
        </form>
      )}
      {receipt && canRead && (
        <Button component={Link} to="/children" variant="default" w="fit-content">
          {t('children.backToList')}
        </Button>
      )}
    </Stack>
  );
}

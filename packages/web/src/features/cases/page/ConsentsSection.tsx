import { consentBand, consentScopes } from '@haven/domain';
import { Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { notifyError, notifySuccess } from '../../../components/notify.ts';
import { formatDate, formatList } from '../../codes/format.ts';
import { useCodes } from '../../codes/useCodes.ts';
import { ConsentForm, ConsentOverrideForm } from '../actions/forms/ConsentForms.tsx';
import { useCasePolicy, useRecordAction } from '../api.ts';
import { useCaseContext } from './CaseContext.tsx';

/** What the child's age band asks for: the child's assent or consent, and whether an adult's consent too. */
function AgeBandHint() {
  const { t } = useTranslation();
  const { child } = useCaseContext();
  const policy = useCasePolicy();
  if (!policy.data || !child) return null;
  const age = child.age.years;
  const band = consentBand(policy.data, age);
  const childPart =
    band.child === 'consent'
      ? t('consents.bandChildConsent')
      : band.child === 'assent'
        ? t('consents.bandChildAssent')
        : t('consents.bandChildNone');
  return (
    <Text size="sm" c="dimmed">
      {age === null ? t('consents.bandUnknownAge') : t('consents.bandAge', { age })} {childPart}{' '}
      {band.adultConsent ? t('consents.bandAdult') : t('consents.bandNoAdult')}
    </Text>
  );
}

function ScopeStatus() {
  const { t } = useTranslation();
  const codes = useCodes();
  const { view } = useCaseContext();
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 2, md: 3 }}
      spacing="xs"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('consents.byScope')}
    >
      {consentScopes.map((scope) => {
        const check = view.consents.byScope[scope];
        return (
          <Paper component="li" key={scope} withBorder p="sm">
            <Group justify="space-between" gap="xs">
              <Text fw={600} size="sm">
                {codes.label('consentScope', scope)}
              </Text>
              <Badge color={check?.valid ? 'green.9' : 'red.9'} variant={check?.valid ? 'filled' : 'outline'}>
                {check?.valid ? t('consents.valid') : t('consents.missing')}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {check?.valid
                ? check.basis === 'best_interests_override'
                  ? t('consents.byOverride')
                  : t('consents.byConsent')
                : t('consents.needs', { parts: formatList((check?.missing ?? []).map((part) => codes.label('consentPart', part))) })}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

function ConsentRecords() {
  const { t } = useTranslation();
  const codes = useCodes();
  const { view, childId } = useCaseContext();
  const record = useRecordAction(childId);
  const canWithdraw = view.allowedActions.includes('consent_withdrawn');
  if (view.consents.records.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('consents.none')}
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('consents.records')}>
      {[...view.consents.records].reverse().map((consent) => {
        const active = consent.scopes.filter((scope) => !consent.withdrawn.includes(scope));
        return (
          <Paper component="li" key={consent.seq} withBorder p="sm">
            <Group justify="space-between" align="flex-start" gap="xs">
              <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                <Text size="sm" fw={600}>
                  {codes.label('consentKind', consent.kind)} · {codes.label('consentGiver', consent.givenBy)}
                </Text>
                <Group gap={4}>
                  {consent.scopes.map((scope) => (
                    <Badge
                      key={scope}
                      variant="light"
                      color={consent.withdrawn.includes(scope) ? 'gray' : 'blue'}
                      td={consent.withdrawn.includes(scope) ? 'line-through' : undefined}
                    >
                      {codes.label('consentScope', scope)}
                      {consent.withdrawn.includes(scope) ? ` (${t('consents.withdrawn')})` : ''}
                    </Badge>
                  ))}
                </Group>
                <Text size="xs" c="dimmed">
                  {formatDate(consent.date)}
                  {consent.childAgeAtTime !== null ? ` · ${t('timeline.ageAtTime', { age: consent.childAgeAtTime })}` : ''}
                </Text>
              </Stack>
              {canWithdraw && active.length > 0 && (
                <ConfirmButton
                  size="compact-sm"
                  variant="default"
                  color="red"
                  title={t('consents.withdrawTitle')}
                  message={t('consents.withdrawConfirm', { scopes: formatList(active.map((scope) => codes.label('consentScope', scope))) })}
                  confirmLabel={t('consents.withdraw')}
                  loading={record.isPending}
                  onConfirm={() =>
                    record.mutate(
                      { action: { type: 'consent_withdrawn', consentSeq: consent.seq, scopes: active } },
                      { onSuccess: () => notifySuccess(t('consents.withdrawnNotice')), onError: notifyError },
                    )
                  }
                >
                  {t('consents.withdraw')}
                </ConfirmButton>
              )}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** Consents by scope (valid, or what is missing), the records behind them, and recording, withdrawing or overriding. */
export function ConsentsSection() {
  const { t } = useTranslation();
  const { view } = useCaseContext();
  const [form, setForm] = useState<'record' | 'override' | null>(null);
  const close = () => setForm(null);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="case-consents">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h4" id="case-consents">
            {t('consents.title')}
          </Title>
          <Group gap="xs">
            {view.allowedActions.includes('consent_recorded') && <Button onClick={() => setForm('record')}>{t('consents.record')}</Button>}
            {view.allowedActions.includes('consent_overridden') && (
              <Button variant="default" onClick={() => setForm('override')}>
                {t('consents.override')}
              </Button>
            )}
          </Group>
        </Group>
        <AgeBandHint />
        <ScopeStatus />
        <Title order={3} size="h5">
          {t('consents.records')}
        </Title>
        <ConsentRecords />
      </Stack>
      <FormModal opened={form !== null} onClose={close} title={form === 'override' ? t('consents.overrideTitle') : t('consents.record')}>
        {form === 'record' && <ConsentForm onDone={close} />}
        {form === 'override' && <ConsentOverrideForm onDone={close} />}
      </FormModal>
    </Card>
  );
}

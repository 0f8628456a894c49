import type { Child } from '@haven/domain';
import { Alert, Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useChild } from './api.ts';
import { formatDate, formatDateTime, nationalityName } from './format.ts';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" align="flex-start" wrap="wrap">
      <Text component="dt" c="dimmed" size="sm" miw={160}>
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', flex: 1, minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}

function ChildDetails({ child }: { child: Child }) {
  const { t } = useTranslation();
  const name = [child.givenName, child.familyName].filter(Boolean).join(' ');
  const shown = (value: string | null | undefined) => (value === undefined ? null : value || '—');
  return (
    <Stack gap="lg">
      <PageTitle title={name || child.reference} description={<span className="mono">{child.reference}</span>} />
      {child.hiddenFieldGroups.length > 0 && (
        <Alert color="gray" variant="light" title={t('children.someHidden')}>
          {child.hiddenFieldGroups.map((group) => t(`enums.fieldGroup.${group}`)).join(', ')}
        </Alert>
      )}
      <Card withBorder padding="lg" component="section" aria-labelledby="child-details-title">
        <Title order={2} size="h4" mb="md" id="child-details-title">
          {t('children.details')}
        </Title>
        <Stack gap="sm" component="dl" m={0}>
          {shown(child.givenName) !== null && <Row label={t('children.givenName')}>{shown(child.givenName)}</Row>}
          {shown(child.familyName) !== null && <Row label={t('children.familyName')}>{shown(child.familyName)}</Row>}
          <Row label={t('children.sex')}>{t(`enums.sex.${child.sex}`)}</Row>
          {child.birthDate !== undefined ? (
            <Row label={t('children.birthDate')}>{formatDate(child.birthDate) || '—'}</Row>
          ) : (
            <Row label={t('children.birthYear')}>{child.birthYear ?? '—'}</Row>
          )}
          <Row label={t('children.nationality')}>
            {child.nationality.map((code) => nationalityName(code)).join(', ') || '—'}
          </Row>
          {shown(child.location) !== null && <Row label={t('children.location')}>{shown(child.location)}</Row>}
          {shown(child.legalStatus) !== null && <Row label={t('children.legalStatus')}>{shown(child.legalStatus)}</Row>}
          {shown(child.protectionNotes) !== null && (
            <Row label={t('children.protectionNotes')}>{shown(child.protectionNotes)}</Row>
          )}
          <Row label={t('common.jurisdiction')}>{child.jurisdiction}</Row>
          <Row label={t('children.registered')}>{formatDateTime(child.createdAt)}</Row>
          <Row label={t('children.updated')}>{formatDateTime(child.updatedAt)}</Row>
        </Stack>
      </Card>
    </Stack>
  );
}

export function ChildDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const child = useChild(id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/children" size="sm">
        {t('children.backToList')}
      </Anchor>
      <QueryState isPending={child.isPending} error={child.error}>
        {child.data && <ChildDetails child={child.data} />}
      </QueryState>
    </Stack>
  );
}

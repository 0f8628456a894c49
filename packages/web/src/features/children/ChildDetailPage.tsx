import type { Child } from '@haven/domain';
import { Alert, Anchor, Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Detail, DetailList } from '../../components/DetailList.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useChild } from './api.ts';
import { formatDate, formatDateTime, nationalityName } from './format.ts';

function ChildDetails({ child }: { child: Child }) {
  const { t } = useTranslation();
  const name = [child.givenName, child.familyName].filter(Boolean).join(' ');
  // Fields the role hides are absent from the record: leave them out rather than show them empty.
  const optional = (label: string, value: string | null | undefined): Detail[] =>
    value === undefined ? [] : [{ label, value: value || '—' }];
  const details: Detail[] = [
    ...optional(t('children.givenName'), child.givenName),
    ...optional(t('children.familyName'), child.familyName),
    { label: t('children.sex'), value: t(`enums.sex.${child.sex}`) },
    child.birthDate !== undefined
      ? { label: t('children.birthDate'), value: formatDate(child.birthDate) || '—' }
      : { label: t('children.birthYear'), value: child.birthYear ?? '—' },
    {
      label: t('children.nationality'),
      value: child.nationality.map((code) => nationalityName(code)).join(', ') || '—',
    },
    ...optional(t('children.location'), child.location),
    ...optional(t('children.legalStatus'), child.legalStatus),
    ...optional(t('children.protectionNotes'), child.protectionNotes),
    { label: t('common.jurisdiction'), value: child.jurisdiction },
    { label: t('children.registered'), value: formatDateTime(child.createdAt) },
    { label: t('children.updated'), value: formatDateTime(child.updatedAt) },
  ];
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
        <DetailList items={details} />
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

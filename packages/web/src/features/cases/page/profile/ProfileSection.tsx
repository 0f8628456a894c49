import { type Child, type DisabilityScreening, disabilityIdentifier } from '@haven/domain';
import { Alert, Button, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Detail, DetailList } from '../../../../components/DetailList.tsx';
import { FormModal } from '../../../../components/FormModal.tsx';
import { usePermission } from '../../../auth/api.ts';
import { ChildName } from '../../../children/ChildName.tsx';
import { useAdminAreas } from '../../../codes/adminAreas.ts';
import { countryName, formatDate, formatList, languageLabel } from '../../../codes/format.ts';
import { useCodes } from '../../../codes/useCodes.ts';
import { useCaseContext } from '../CaseContext.tsx';
import { ChildPhoto } from '../photo/ChildPhoto.tsx';
import { ProfileEditForm, type ProfileGroup } from './ProfileEditForms.tsx';

/** A value the reader's role may not see: it is absent from the record, and said to be restricted. */
function Restricted() {
  const { t } = useTranslation();
  return (
    <Text span fs="italic" c="dimmed" size="sm">
      {t('profile.restricted')}
    </Text>
  );
}

type AnswerRow = [
  list: 'wgSsDomain' | 'cfm2to4Domain' | 'cfm5to17Domain',
  domain: string,
  scale: 'difficulty' | 'frequency' | 'behaviourComparison',
  answer: string | undefined,
];

/** Each answer of a screening with the code lists that label its question and its answer. */
function screeningAnswers(screening: DisabilityScreening): AnswerRow[] {
  const answers = Object.entries(screening.answers as Record<string, string | undefined>);
  switch (screening.instrument) {
    case 'WG-SS':
      return answers.map(([domain, answer]) => ['wgSsDomain', domain, 'difficulty', answer]);
    case 'CFM-2-4':
      return answers.map(([domain, answer]) => [
        'cfm2to4Domain',
        domain,
        domain === 'controllingBehaviour' ? 'behaviourComparison' : 'difficulty',
        answer,
      ]);
    case 'CFM-5-17':
      return answers.map(([domain, answer]) => [
        'cfm5to17Domain',
        domain,
        domain === 'anxiety' || domain === 'depression' ? 'frequency' : 'difficulty',
        answer,
      ]);
  }
}

function useProfileDetails(child: Child): Record<ProfileGroup, { details: Detail[]; hidden: boolean }> {
  const { t } = useTranslation();
  const codes = useCodes();
  const areas = useAdminAreas();
  const none = '—';
  const or = (value: ReactNode | undefined, hidden: boolean) => (hidden ? <Restricted /> : (value ?? none));
  const list = (values: string[]) => (values.length > 0 ? formatList(values) : none);
  const identityHidden = child.names === undefined;
  return {
    identity: {
      hidden: identityHidden,
      details: [
        {
          label: t('names.legend'),
          value: or(
            child.names?.length ? (
              child.names.map((part) => (
                <span key={`${part.type}:${part.value}`} style={{ display: 'block' }}>
                  <bdi>{part.value}</bdi>{' '}
                  <Text span size="xs" c="dimmed">
                    ({codes.label('namePartType', part.type)})
                  </Text>
                  {part.romanisations.length > 0 && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · <bdi>{formatList(part.romanisations)}</bdi>
                    </Text>
                  )}
                </span>
              ))
            ) : (
              <ChildName child={child} />
            ),
            identityHidden,
          ),
        },
        { label: t('children.sex'), value: t(`enums.sex.${child.sex}`) },
      ],
    },
    age: {
      hidden: false,
      details: [
        {
          label: t('children.birthDate'),
          value: child.age.birthDate === undefined ? <Restricted /> : formatDate(child.age.birthDate) || none,
        },
        { label: t('age.precision'), value: codes.label('birthDatePrecision', child.age.birthDatePrecision) },
        { label: t('age.basis'), value: codes.label('ageBasis', child.age.ageBasis) },
        {
          label: t('profile.assessedRange'),
          value:
            child.age.assessedMinAge !== null || child.age.assessedMaxAge !== null
              ? `${child.age.assessedMinAge ?? '?'}–${child.age.assessedMaxAge ?? '?'}`
              : none,
        },
        { label: t('profile.treatedAsChild'), value: child.age.treatedAsChild ? t('profile.yes') : t('profile.no') },
      ],
    },
    origin: {
      hidden: false,
      details: [
        { label: t('children.nationality'), value: list(child.nationality.map((code) => countryName(code))) },
        { label: t('children.citizenshipStatus'), value: codes.label('citizenshipStatus', child.citizenshipStatus) },
        { label: t('children.countryOfBirth'), value: child.countryOfBirth ? countryName(child.countryOfBirth) : none },
        {
          label: t('children.languages'),
          value: list(
            child.languages.map((l) => `${languageLabel(l.code)}${l.interpreterNeeded ? ` (${t('children.interpreterNeeded')})` : ''}`),
          ),
        },
      ],
    },
    situation: {
      hidden: false,
      details: [
        { label: t('children.typology'), value: list(child.typology.map((v) => codes.label('typology', v))) },
        {
          label: t('children.protectionCategories'),
          value:
            child.protectionCategories === undefined ? (
              <Restricted />
            ) : (
              list(child.protectionCategories.map((v) => codes.label('protectionCategory', v)))
            ),
        },
        { label: t('children.careStatus'), value: child.careStatus ? codes.label('careStatus', child.careStatus) : none },
        { label: t('children.stage'), value: child.stage ? codes.label('migrationStage', child.stage) : none },
        { label: t('children.movementType'), value: child.movementType ? codes.label('movementType', child.movementType) : none },
        { label: t('children.drivers'), value: list(child.drivers.map((v) => codes.label('migrationDriver', v))) },
      ],
    },
    location: {
      hidden: child.locationDetail === undefined,
      details: [
        { label: t('children.location'), value: child.locationCode ? areas.label(child.locationCode) : none },
        { label: t('children.locationDetail'), value: or(child.locationDetail || undefined, child.locationDetail === undefined) },
        {
          label: t('route.legend'),
          value: or(
            child.route && child.route.length > 0 ? (
              <ol style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
                {child.route.map((leg, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a country can be passed through twice; order is what matters.
                  <li key={index}>
                    {countryName(leg.country)}
                    {leg.from || leg.to ? ` (${formatDate(leg.from ?? null) || '?'} – ${formatDate(leg.to ?? null) || '?'})` : ''}
                  </li>
                ))}
              </ol>
            ) : undefined,
            child.route === undefined,
          ),
        },
      ],
    },
    protection: {
      hidden: child.legalStatus === undefined && child.protectionNotes === undefined,
      details: [
        { label: t('children.legalStatus'), value: or(child.legalStatus || undefined, child.legalStatus === undefined) },
        { label: t('children.protectionNotes'), value: or(child.protectionNotes || undefined, child.protectionNotes === undefined) },
      ],
    },
    documents: {
      hidden: child.documents === undefined,
      details: [
        { label: t('children.birthRegistration'), value: codes.label('birthRegistration', child.birthRegistration) },
        {
          label: t('documents.title'),
          value: or(
            child.documents && child.documents.length > 0
              ? child.documents.map((d) => (
                  <span key={`${d.type}:${d.number ?? ''}`} style={{ display: 'block' }}>
                    {codes.label('documentType', d.type)}
                    {d.number ? ` ${d.number}` : ''}
                    {d.issuingCountry ? ` · ${countryName(d.issuingCountry)}` : ''}
                    {d.held ? '' : ` · ${t('profile.notHeld')}`}
                  </span>
                ))
              : undefined,
            child.documents === undefined,
          ),
        },
      ],
    },
    functioning: {
      hidden: child.disability === undefined,
      details:
        child.disability === undefined
          ? [{ label: t('disability.title'), value: <Restricted /> }]
          : child.disability === null
            ? [{ label: t('disability.title'), value: t('profile.notScreened') }]
            : [
                {
                  label: t('profile.disabilityResult'),
                  value:
                    child.disabilityIdentified === true
                      ? t('disability.resultIdentified', {
                          domains: formatList(
                            disabilityIdentifier(child.disability, null).domainsWithDifficulty.map((domain) =>
                              t(`disability.domain.${domain}`),
                            ),
                          ),
                        })
                      : child.disabilityIdentified === false
                        ? t('disability.resultNotIdentified')
                        : t('disability.resultIncomplete'),
                },
                { label: t('disability.instrument'), value: codes.label('disabilityInstrument', child.disability.instrument) },
                ...screeningAnswers(child.disability).map(([list, domain, scale, answer]) => ({
                  label: codes.label(list, domain),
                  value: answer ? codes.label(scale, answer) : none,
                })),
              ],
    },
  };
}

const groupTitles: Record<ProfileGroup, string> = {
  identity: 'children.identity',
  age: 'age.legend',
  origin: 'children.originAndLanguages',
  situation: 'children.situation',
  location: 'children.whereabouts',
  protection: 'profile.protection',
  documents: 'documents.title',
  functioning: 'disability.title',
};

/** The child's profile by group; each group editable on its own, restricted groups shown as such. */
export function ProfileSection() {
  const { child } = useCaseContext();
  return child ? <ProfileGroups child={child} /> : null;
}

function ProfileGroups({ child }: { child: Child }) {
  const { t } = useTranslation();
  const canEdit = usePermission('child:update');
  const [editing, setEditing] = useState<ProfileGroup | null>(null);
  const groups = useProfileDetails(child);
  return (
    <section aria-labelledby="case-profile">
      <Title order={2} size="h4" id="case-profile" mb="sm">
        {t('profile.title')}
      </Title>
      {child.hiddenFieldGroups.length > 0 && (
        <Alert color="gray" variant="light" mb="md" title={t('children.someHidden')}>
          {formatList(child.hiddenFieldGroups.map((group) => t(`enums.fieldGroup.${group}`)))}
        </Alert>
      )}
      <ChildPhoto child={child} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {(Object.keys(groupTitles) as ProfileGroup[]).map((group) => (
          <Card key={group} withBorder padding="md" component="section" aria-labelledby={`profile-${group}`}>
            <Group justify="space-between" mb="xs" gap="xs">
              <Title order={3} size="h5" id={`profile-${group}`}>
                {t(groupTitles[group])}
              </Title>
              {canEdit && !groups[group].hidden && (
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => setEditing(group)}
                  aria-label={t('common.editNamed', { name: t(groupTitles[group]) })}
                >
                  {t('common.edit')}
                </Button>
              )}
            </Group>
            <DetailList items={groups[group].details} />
          </Card>
        ))}
      </SimpleGrid>
      <FormModal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? t(groupTitles[editing]) : ''} size="xl">
        {editing && <ProfileEditForm group={editing} child={child} onDone={() => setEditing(null)} />}
      </FormModal>
    </section>
  );
}

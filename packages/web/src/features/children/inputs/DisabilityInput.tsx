import { DifficultyAnswer, type DisabilityScreening, type WgSsAnswers, wgSsDomains, wgSsIdentifiers } from '@haven/domain';
import { Alert, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorAt } from '../../../forms/fieldError.ts';
import { useCodes } from '../../codes/useCodes.ts';

interface Props {
  value: DisabilityScreening | undefined | null;
  onChange: (value: DisabilityScreening | undefined) => void;
  /** The child's age to act on, if known: the short set is for ages 5 and over. */
  ageYears: number | null;
  /** The field's errors as react-hook-form holds them (one per answer). */
  error?: unknown;
}

const unanswered = Object.fromEntries(wgSsDomains.map((domain) => [domain, undefined])) as unknown as WgSsAnswers;

/**
 * The Washington Group short set: six questions on functioning, each answered on the four-level
 * difficulty scale (or don't know / refused). The Child Functioning Module is not offered here yet.
 */
export function DisabilityInput({ value, onChange, ageYears, error }: Props) {
  const { t } = useTranslation();
  const codes = useCodes();
  const answers = value?.instrument === 'WG-SS' ? value.answers : null;
  const identifiers = answers && wgSsDomains.every((d) => answers[d]) ? wgSsIdentifiers(answers) : null;
  return (
    <Stack gap="sm">
      <Switch
        label={t('disability.record')}
        description={t('disability.recordHint')}
        checked={answers !== null}
        onChange={(event) => onChange(event.currentTarget.checked ? { instrument: 'WG-SS', answers: { ...unanswered } } : undefined)}
      />
      {ageYears !== null && ageYears < 5 && answers && (
        <Alert color="yellow" variant="light">
          {t('disability.tooYoung')}
        </Alert>
      )}
      {answers && (
        <>
          <Text size="sm" c="dimmed">
            {t('disability.intro')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {wgSsDomains.map((domain) => (
              <Select
                key={domain}
                label={codes.label('wgSsDomain', domain)}
                data={codes.options('difficulty', DifficultyAnswer.options)}
                value={answers[domain] ?? null}
                onChange={(answer) => answer && onChange({ instrument: 'WG-SS', answers: { ...answers, [domain]: answer } })}
                required
                allowDeselect={false}
                error={errorAt(error, ['answers', domain])}
              />
            ))}
          </SimpleGrid>
          {identifiers && (
            <Text size="sm" role="status">
              {identifiers.disability3 === null
                ? t('disability.incomplete')
                : identifiers.disability3
                  ? t('disability.identified')
                  : t('disability.notIdentified')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

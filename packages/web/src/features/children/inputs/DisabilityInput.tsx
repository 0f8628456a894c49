import {
  BehaviourComparisonAnswer,
  cfm2to4Domains,
  cfm5to17Domains,
  DifficultyAnswer,
  type DisabilityInstrument,
  type DisabilityScreening,
  disabilityIdentifier,
  disabilityInstruments,
  FrequencyAnswer,
  instrumentForAge,
  wgSsDomains,
} from '@haven/domain';
import { Alert, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorAt } from '../../../forms/fieldError.ts';
import { formatList } from '../../codes/format.ts';
import { useCodes } from '../../codes/useCodes.ts';

interface Props {
  value: DisabilityScreening | undefined | null;
  onChange: (value: DisabilityScreening | undefined) => void;
  /** The child's age to act on, if known: it suggests the questionnaire and checks that it fits. */
  ageYears: number | null;
  /** The field's errors as react-hook-form holds them (one per answer). */
  error?: unknown;
}

type Scale = 'difficulty' | 'frequency' | 'behaviourComparison';
type DomainList = 'wgSsDomain' | 'cfm2to4Domain' | 'cfm5to17Domain';

/** Each instrument's questions, in order, the scale each is answered on, and where their labels are. */
const instruments: Record<DisabilityInstrument, { list: DomainList; questions: readonly { domain: string; scale: Scale }[] }> = {
  'WG-SS': { list: 'wgSsDomain', questions: wgSsDomains.map((domain) => ({ domain, scale: 'difficulty' })) },
  'CFM-2-4': {
    list: 'cfm2to4Domain',
    questions: cfm2to4Domains.map((domain) => ({
      domain,
      scale: domain === 'controllingBehaviour' ? 'behaviourComparison' : 'difficulty',
    })),
  },
  'CFM-5-17': {
    list: 'cfm5to17Domain',
    questions: cfm5to17Domains.map((domain) => ({
      domain,
      scale: domain === 'anxiety' || domain === 'depression' ? 'frequency' : 'difficulty',
    })),
  },
};

const scaleValues: Record<Scale, readonly string[]> = {
  difficulty: DifficultyAnswer.options,
  frequency: FrequencyAnswer.options,
  behaviourComparison: BehaviourComparisonAnswer.options,
};

/** A screening with no answer yet: the form requires each before saving. */
export function emptyScreening(instrument: DisabilityInstrument): DisabilityScreening {
  const answers = Object.fromEntries(instruments[instrument].questions.map((q) => [q.domain, undefined]));
  return { instrument, answers } as unknown as DisabilityScreening;
}

/** The questionnaire that fits the age; the short set when the age is unknown or under 2 (neither module applies). */
export function suggestedInstrument(ageYears: number | null): DisabilityInstrument | null {
  return ageYears === null ? null : instrumentForAge(ageYears);
}

/**
 * Functioning screening: the Washington Group short set or the UNICEF/WG Child Functioning Module
 * (2–4 or 5–17), each question on its own scale (or don't know / refused), with the result
 * computed as the answers come in.
 */
export function DisabilityInput({ value, onChange, ageYears, error }: Props) {
  const { t } = useTranslation();
  const codes = useCodes();
  const suggested = suggestedInstrument(ageYears);
  const screening = value ?? null;
  const spec = screening ? instruments[screening.instrument] : null;
  const answers = (screening?.answers ?? {}) as Record<string, string | undefined>;
  // Unanswered questions count as missing answers, so the result shows as soon as it is known.
  const result =
    screening && spec
      ? disabilityIdentifier(
          {
            ...screening,
            answers: Object.fromEntries(spec.questions.map((q) => [q.domain, answers[q.domain] ?? 'dont_know'])),
          } as DisabilityScreening,
          ageYears !== null && ageYears >= 0 ? ageYears : null,
        )
      : null;
  const warnings = result?.warnings ?? [];
  return (
    <Stack gap="sm">
      <Switch
        label={t('disability.record')}
        description={t('disability.recordHint')}
        checked={screening !== null}
        onChange={(event) => onChange(event.currentTarget.checked ? emptyScreening(suggested ?? 'WG-SS') : undefined)}
      />
      {screening && spec && (
        <>
          <Select
            label={t('disability.instrument')}
            description={suggested ? t('disability.suggested', { instrument: codes.label('disabilityInstrument', suggested) }) : undefined}
            data={codes.options('disabilityInstrument', disabilityInstruments)}
            value={screening.instrument}
            onChange={(instrument) =>
              instrument && instrument !== screening.instrument && onChange(emptyScreening(instrument as DisabilityInstrument))
            }
            allowDeselect={false}
            maw={480}
          />
          {warnings
            .filter((warning) => warning !== 'age_unknown')
            .map((warning) => (
              <Alert key={warning} color="yellow" variant="light">
                {codes.label('disabilityWarning', warning)}
              </Alert>
            ))}
          <Text size="sm" c="dimmed">
            {t('disability.intro')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {spec.questions.map(({ domain, scale }) => (
              <Select
                key={domain}
                label={codes.label(spec.list, domain)}
                data={codes.options(scale, scaleValues[scale] as never)}
                value={answers[domain] ?? null}
                onChange={(answer) =>
                  answer && onChange({ ...screening, answers: { ...answers, [domain]: answer } } as DisabilityScreening)
                }
                required
                allowDeselect={false}
                error={errorAt(error, ['answers', domain])}
              />
            ))}
          </SimpleGrid>
          <Text size="sm" role="status">
            {result === null || result.hasDisability === null
              ? t('disability.resultIncomplete')
              : result.hasDisability
                ? t('disability.resultIdentified', {
                    domains: formatList(result.domainsWithDifficulty.map((domain) => t(`disability.domain.${domain}`))),
                  })
                : t('disability.resultNotIdentified')}
          </Text>
        </>
      )}
    </Stack>
  );
}

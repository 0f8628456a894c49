import {
  type AgeInfo,
  type AgeInfoInput,
  ageBases,
  ageInDoubt,
  ageInYears,
  birthDatePrecisions,
  treatedAsChild,
  unknownAge,
} from '@haven/domain';
import { Alert, Fieldset, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorAt } from '../../../forms/fieldError.ts';
import { today } from '../../codes/format.ts';
import { useCodes } from '../../codes/useCodes.ts';

interface Props {
  value: AgeInfoInput;
  onChange: (value: AgeInfoInput) => void;
  error?: unknown;
}

/** Nothing known about the age yet (the domain's starting point). */
export const emptyAge: AgeInfoInput = unknownAge;

/** The age information with the schema's defaults filled in, for the preview. */
function complete(value: AgeInfoInput): AgeInfo {
  return {
    birthDate: value.birthDate || null,
    birthDatePrecision: value.birthDatePrecision ?? 'unknown',
    ageBasis: value.ageBasis ?? 'claimed',
    assessedMinAge: value.assessedMinAge ?? null,
    assessedMaxAge: value.assessedMaxAge ?? null,
    assessmentConcluded: value.assessmentConcluded ?? false,
    assessmentDate: value.assessmentDate || null,
  };
}

const numberOrNull = (value: string | number) => (typeof value === 'number' ? value : null);

/**
 * What is known of the child's age: a date of birth (exact, estimated or unknown), where it comes
 * from, and an assessed range. A preview says which age is acted on, with the benefit of the doubt.
 */
export function AgeInput({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const codes = useCodes();
  const set = (part: Partial<AgeInfoInput>) => onChange({ ...value, ...part });
  const age = complete(value);
  const years = ageInYears(age, new Date());
  const assessed = age.ageBasis === 'assessed' || age.assessedMinAge !== null || age.assessedMaxAge !== null;
  // Only an approved age assessment on the case concludes one (ADR 0017): its result is shown, not edited here.
  const concluded = age.assessmentConcluded;

  return (
    <Fieldset legend={t('age.legend')} variant="unstyled">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            type="date"
            label={t('children.birthDate')}
            max={today()}
            value={value.birthDate ?? ''}
            onChange={(event) => {
              const birthDate = event.currentTarget.value || null;
              const precision =
                age.birthDatePrecision === 'unknown' && birthDate ? 'estimated' : birthDate ? age.birthDatePrecision : 'unknown';
              set({ birthDate, birthDatePrecision: precision });
            }}
            error={errorAt(error, ['birthDate'])}
          />
          <Select
            label={t('age.precision')}
            data={codes.options('birthDatePrecision', birthDatePrecisions)}
            value={age.birthDatePrecision}
            onChange={(precision) => precision && set({ birthDatePrecision: precision as AgeInfo['birthDatePrecision'] })}
            allowDeselect={false}
          />
          <Select
            label={t('age.basis')}
            description={t('age.basisHint')}
            data={codes.options('ageBasis', ageBases)}
            value={age.ageBasis}
            onChange={(basis) => basis && set({ ageBasis: basis as AgeInfo['ageBasis'] })}
            allowDeselect={false}
            disabled={concluded}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <NumberInput
            label={t('age.assessedMin')}
            min={0}
            max={30}
            allowDecimal={false}
            allowNegative={false}
            value={value.assessedMinAge ?? ''}
            onChange={(n) => set({ assessedMinAge: numberOrNull(n) })}
            error={errorAt(error, ['assessedMinAge'])}
            disabled={concluded}
          />
          <NumberInput
            label={t('age.assessedMax')}
            min={0}
            max={30}
            allowDecimal={false}
            allowNegative={false}
            value={value.assessedMaxAge ?? ''}
            onChange={(n) => set({ assessedMaxAge: numberOrNull(n) })}
            error={errorAt(error, ['assessedMaxAge'])}
            disabled={concluded}
          />
          {assessed && (
            <TextInput
              type="date"
              label={t('age.assessmentDate')}
              max={today()}
              value={value.assessmentDate ?? ''}
              onChange={(event) => set({ assessmentDate: event.currentTarget.value || null })}
              disabled={concluded}
            />
          )}
        </SimpleGrid>
        {concluded && (
          <Text size="sm" c="dimmed">
            {t('age.concludedByAssessment')}
          </Text>
        )}
        <Alert color={treatedAsChild(age, new Date()) ? 'blue' : 'yellow'} variant="light" title={t('age.benefitTitle')}>
          <Text size="sm">
            {years === null ? t('age.unknownNow') : t('age.actOn', { age: years })}{' '}
            {treatedAsChild(age, new Date()) ? (ageInDoubt(age) ? t('age.inDoubt') : t('age.child')) : t('age.notChild')}
          </Text>
          <Text size="xs" mt={4}>
            {t('age.benefitText')}
          </Text>
        </Alert>
      </Stack>
    </Fieldset>
  );
}

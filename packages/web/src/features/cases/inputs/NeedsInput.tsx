import { type NeedsDomain, needsDomains } from '@haven/domain';
import { Fieldset, Select, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { needLevels } from '../../codes/codeLists.ts';
import { useCodes } from '../../codes/useCodes.ts';

type Level = (typeof needLevels)[number];
export type NeedsValue = Partial<Record<NeedsDomain, Level>>;

/** The level of need in each domain; a domain left empty was not assessed. */
export function NeedsInput({ value, onChange }: { value: NeedsValue; onChange: (value: NeedsValue) => void }) {
  const { t } = useTranslation();
  const codes = useCodes();
  return (
    <Fieldset legend={t('assessment.needs')}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('assessment.needsHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {needsDomains.map((domain) => (
          <Select
            key={domain}
            label={codes.label('needsDomain', domain)}
            placeholder={t('assessment.notAssessed')}
            data={codes.options('needLevel', needLevels)}
            value={value[domain] ?? null}
            onChange={(level) => {
              const next = { ...value };
              if (level) next[domain] = level as Level;
              else delete next[domain];
              onChange(next);
            }}
            clearable
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}

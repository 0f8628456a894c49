import { Checkbox, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languageLabel } from '../../codes/format.ts';
import { useLanguageOptions } from '../../codes/options.ts';

export interface ChildLanguageValue {
  code: string;
  interpreterNeeded?: boolean;
}

interface Props {
  value: ChildLanguageValue[];
  onChange: (value: ChildLanguageValue[]) => void;
  error?: string;
}

/** Languages the child speaks, searchable over every ISO 639-3 language, each with "interpreter needed". */
export function LanguagesInput({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const options = useLanguageOptions();
  const byCode = new Map(value.map((language) => [language.code, language]));
  return (
    <Stack gap="xs">
      <MultiSelect
        label={t('children.languages')}
        description={t('children.languagesHint')}
        data={options}
        value={value.map((language) => language.code)}
        onChange={(codes) => onChange(codes.map((code) => byCode.get(code) ?? { code, interpreterNeeded: false }))}
        searchable
        limit={60}
        maxValues={10}
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        error={error}
      />
      {value.length > 0 && (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('children.interpreters')}>
          {value.map((language) => (
            <Group component="li" key={language.code} gap="sm" wrap="nowrap" justify="space-between">
              <Text size="sm">{languageLabel(language.code)}</Text>
              <Checkbox
                label={t('children.interpreterNeeded')}
                aria-label={t('children.interpreterFor', { language: languageLabel(language.code) })}
                checked={Boolean(language.interpreterNeeded)}
                onChange={(event) =>
                  onChange(value.map((l) => (l.code === language.code ? { ...l, interpreterNeeded: event.currentTarget.checked } : l)))
                }
              />
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

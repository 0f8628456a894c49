import { documentTypes } from '@haven/domain';
import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PlusIcon, TrashIcon } from '../../../components/icons.tsx';
import { errorAt } from '../../../forms/fieldError.ts';
import { useCountryOptions } from '../../codes/options.ts';
import { useCodes } from '../../codes/useCodes.ts';

export interface DocumentValue {
  type: (typeof documentTypes)[number];
  held: boolean;
  number?: string | undefined;
  issuingCountry?: string | undefined;
}

interface Props {
  value: DocumentValue[];
  onChange: (value: DocumentValue[]) => void;
  error?: unknown;
}

/** Documents the child holds (or that exist but are held by someone else), with their number and issuing country. */
export function DocumentsInput({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const codes = useCodes();
  const countries = useCountryOptions(false);
  const update = (index: number, part: Partial<DocumentValue>) => onChange(value.map((d, i) => (i === index ? { ...d, ...part } : d)));
  return (
    <Stack gap="xs">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('documents.none')}
        </Text>
      )}
      {value.map((document, index) => {
        const name = codes.label('documentType', document.type);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
          <Paper key={index} withBorder p="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs" style={{ flex: 1 }}>
                <Select
                  label={t('documents.type')}
                  data={codes.options('documentType', documentTypes)}
                  value={document.type}
                  onChange={(type) => type && update(index, { type: type as DocumentValue['type'] })}
                  allowDeselect={false}
                />
                <TextInput
                  label={t('documents.number')}
                  value={document.number ?? ''}
                  onChange={(e) => update(index, { number: e.currentTarget.value })}
                  error={errorAt(error, [index, 'number'])}
                />
                <Select
                  label={t('documents.issuingCountry')}
                  data={countries}
                  value={document.issuingCountry ?? null}
                  onChange={(country) => update(index, { issuingCountry: country ?? undefined })}
                  searchable
                  clearable
                />
                <Switch
                  label={t('documents.held')}
                  checked={document.held}
                  onChange={(e) => update(index, { held: e.currentTarget.checked })}
                  mt={{ base: 0, md: 'xl' }}
                />
              </SimpleGrid>
              <ActionIcon
                variant="subtle"
                color="gray.7"
                aria-label={t('documents.remove', { name })}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                <TrashIcon />
              </ActionIcon>
            </Group>
          </Paper>
        );
      })}
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<PlusIcon />}
        w="fit-content"
        onClick={() => onChange([...value, { type: 'birth_certificate', held: true }])}
      >
        {t('documents.add')}
      </Button>
    </Stack>
  );
}

import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  onCancel?: () => void;
  loading: boolean;
  submitLabel?: string;
}

export function FormActions({ onCancel, loading, submitLabel }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" mt="md">
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
      <Button type="submit" loading={loading}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}

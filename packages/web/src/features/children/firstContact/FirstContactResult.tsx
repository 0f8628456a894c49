import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CheckIcon } from '../../../components/icons.tsx';
import { usePermission } from '../../auth/api.ts';
import type { FirstContactReceipt } from '../api.ts';

/** GR-PMHS-YHBE → "G R, P M H S, Y H B E": read one character at a time. */
export function spelledOut(reference: string): string {
  return reference
    .split('-')
    .map((group) => group.split('').join(' '))
    .join(', ');
}

function canSpeak(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function';
}

/** The reference, large and grouped so it can be read out or copied by hand, and where the child was referred. */
export function FirstContactResult({ receipt, onAnother }: { receipt: FirstContactReceipt; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const canRead = usePermission('child:read');
  const speak = () => {
    const utterance = new SpeechSynthesisUtterance(spelledOut(receipt.reference));
    utterance.lang = 'en';
    utterance.rate = 0.7;
    window.speechSynthesis.speak(utterance);
  };
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" icon={<CheckIcon />} title={t('firstContact.doneTitle')} role="status">
        <Stack gap="sm">
          <Text>{t('firstContact.referenceIs')}</Text>
          <Text
            component="p"
            className="mono reference-large"
            dir="ltr"
            lang="en"
            aria-label={`${receipt.reference} (${spelledOut(receipt.reference)})`}
          >
            {receipt.reference}
          </Text>
          <Text>
            {t('firstContact.referredTo')} <strong>{receipt.referredTo.name}</strong>
          </Text>
          <Text size="sm">{t('firstContact.afterwards')}</Text>
        </Stack>
      </Alert>
      <Group gap="sm">
        <Button onClick={onAnother} size="md">
          {t('firstContact.another')}
        </Button>
        {canRead && (
          <Button component={Link} to={`/children/${receipt.id}`} variant="default" size="md">
            {t('approvals.openCase')}
          </Button>
        )}
        {canSpeak() && (
          <Button variant="default" size="md" onClick={speak} lang={i18n.language}>
            {t('firstContact.readAloud')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

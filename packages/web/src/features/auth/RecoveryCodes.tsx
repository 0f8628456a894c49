import { Alert, Button, Checkbox, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  codes: string[];
  /** Called once the user confirms the codes are saved. */
  onAcknowledge: () => void;
  continueLabel?: string;
}

/** Recovery codes are shown once: the user must confirm they have saved them before moving on. */
export function RecoveryCodes({ codes, onAcknowledge, continueLabel }: Props) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const listId = useId();
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" title={t('mfa.recoveryCodesTitle')} role="status">
        {t('mfa.recoveryCodesIntro')}
      </Alert>
      <SimpleGrid
        id={listId}
        cols={{ base: 1, xs: 2 }}
        spacing="xs"
        component="ol"
        aria-label={t('mfa.recoveryCodesTitle')}
        style={{ listStylePosition: 'inside', paddingInlineStart: 0, margin: 0 }}
      >
        {codes.map((code) => (
          <Text component="li" key={code} className="mono" fz="md" dir="ltr">
            {code}
          </Text>
        ))}
      </SimpleGrid>
      <Group gap="sm">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy} aria-controls={listId}>
              {copied ? t('common.copied') : t('mfa.copyCodes')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Checkbox label={t('mfa.savedCodes')} checked={saved} onChange={(event) => setSaved(event.currentTarget.checked)} />
      <Button disabled={!saved} onClick={onAcknowledge} size="md">
        {continueLabel ?? t('common.continue')}
      </Button>
    </Stack>
  );
}

import { Alert, Button, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { AlertIcon, CheckIcon } from '../../components/icons.tsx';
import { LiveRegion } from '../../components/LiveRegion.tsx';
import { useVerifyAudit } from './api.ts';

/** Recomputes the hash chains on the server and reports whether the trail is intact. */
export function VerifyPanel() {
  const { t } = useTranslation();
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="verify-title">
      <Group justify="space-between" gap="sm" mb="sm">
        <Title order={2} size="h4" id="verify-title">
          {t('audit.integrity')}
        </Title>
        <Button onClick={() => verify.mutate()} loading={verify.isPending}>
          {t('audit.verify')}
        </Button>
      </Group>
      <Text size="sm" mb="sm">
        {t('audit.integrityText')}
      </Text>
      <LiveRegion mode="polite">
        <ApiErrorAlert error={verify.error} />
        {result &&
          (result.ok ? (
            <Alert color="green" variant="light" icon={<CheckIcon />} title={t('audit.intactTitle')}>
              {t('audit.intact', { chains: result.chains, events: result.events })}
            </Alert>
          ) : (
            <Alert color="red" variant="light" icon={<AlertIcon />} title={t('audit.brokenTitle')}>
              {t('audit.broken', { chains: result.chains, events: result.events })}
              {result.firstBroken && (
                <Text size="sm" mt="xs" className="mono">
                  {t('audit.firstBroken', {
                    chainId: result.firstBroken.chainId,
                    seq: result.firstBroken.seq,
                    reason: result.firstBroken.reason,
                  })}
                </Text>
              )}
            </Alert>
          ))}
      </LiveRegion>
    </Card>
  );
}

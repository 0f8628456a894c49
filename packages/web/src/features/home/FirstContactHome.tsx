import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PlusIcon } from '../../components/icons.tsx';

/** A border official or outreach worker: one big action, and what happens to the child after it. */
export function FirstContactHome() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="first-contact-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="first-contact-title">
          {t('home.firstContactTitle')}
        </Title>
        <Text>{t('home.firstContactText')}</Text>
        <Button component={Link} to="/children/first-contact" size="xl" fullWidth leftSection={<PlusIcon />}>
          {t('home.firstContactAction')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('home.firstContactPrivacy')}
        </Text>
      </Stack>
    </Card>
  );
}

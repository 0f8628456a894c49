import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle.tsx';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle title={t('errors.notFoundTitle')} />
      <Alert color="gray">{t('errors.notFoundPage')}</Alert>
      <Button component={Link} to="/" variant="default" w="fit-content">
        {t('nav.home')}
      </Button>
    </Stack>
  );
}

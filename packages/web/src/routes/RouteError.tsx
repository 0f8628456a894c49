import { Alert, Button, Container, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last resort when a screen fails to render (a lazy chunk that could not load, say). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Alert color="red" role="alert" title={notFound ? t('errors.notFoundTitle') : t('errors.title')}>
          {notFound ? t('errors.notFoundPage') : t('errors.unexpected')}
        </Alert>
        <Button component="a" href="/" variant="default">
          {t('nav.home')}
        </Button>
      </Stack>
    </Container>
  );
}

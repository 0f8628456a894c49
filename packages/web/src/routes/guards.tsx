import type { Permission } from '@haven/domain';
import { Alert } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ApiErrorAlert } from '../components/ApiErrorAlert.tsx';
import { FullPageLoader } from '../components/FullPageLoader.tsx';
import { hasPermission, useSession } from '../features/auth/api.ts';
import { storedLocale, switchLanguage } from '../i18n/i18n.ts';
import { useLanguage } from '../i18n/useLanguage.ts';

/** Renders its child routes only for a fully signed-in user; others go to sign-in. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const { language } = useLanguage();
  const userLocale = session.data?.user.locale;

  // The user's saved language applies unless they picked one on this device.
  useEffect(() => {
    if (userLocale && !storedLocale() && userLocale !== language) void switchLanguage(userLocale);
  }, [userLocale, language]);

  if (session.isPending) return <FullPageLoader />;
  if (session.error) return <ApiErrorAlert error={session.error} />;
  if (session.data?.state !== 'active') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}

/** Shows `children` only to roles with `permission`, or with all of several (the server enforces it too). */
export function RequirePermission({ permission, children }: { permission: Permission | Permission[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { data } = useSession();
  const needed = Array.isArray(permission) ? permission : [permission];
  if (!needed.every((p) => hasPermission(data, p))) {
    return (
      <Alert color="yellow" role="alert" title={t('errors.forbiddenTitle')}>
        {t('errors.forbiddenPage')}
      </Alert>
    );
  }
  return <>{children}</>;
}

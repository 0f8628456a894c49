import type { Locale, Me } from '@haven/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError.ts';
import { api } from '../api/client.ts';
import { sessionKey } from '../api/session.ts';
import { notify } from '../components/notify.ts';
import { currentLocale, rememberLocale, switchLanguage } from './i18n.ts';

/**
 * The UI language and a way to change it: the choice is kept in localStorage and,
 * for a signed-in user, saved to their profile.
 */
export function useLanguage() {
  const { t } = useTranslation();
  const client = useQueryClient();

  const setLanguage = useCallback(
    async (locale: Locale) => {
      rememberLocale(locale);
      await switchLanguage(locale);
      const me = client.getQueryData<Me | null>(sessionKey);
      if (me?.state !== 'active' || me.user.locale === locale) return;
      try {
        client.setQueryData(sessionKey, await api.patch<Me>('/auth/me', { locale }));
      } catch (error) {
        notify({
          color: 'red',
          title: t('language.saveFailed'),
          message: error instanceof ApiError ? error.message : t('errors.unexpected'),
        });
      }
    },
    [client, t],
  );

  return { language: currentLocale(), setLanguage };
}

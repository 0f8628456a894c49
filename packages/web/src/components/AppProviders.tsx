import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { queryClient as appQueryClient } from '../api/queryClient.ts';
import i18n from '../i18n/i18n.ts';
import { cssVariablesResolver, theme } from '../theme.ts';
import { DirectionSync } from './DirectionSync.tsx';

interface Props {
  children: ReactNode;
  queryClient?: QueryClient;
  /** `test` disables transitions and portals. */
  env?: 'default' | 'test';
}

export function AppProviders({ children, queryClient = appQueryClient, env = 'default' }: Props) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <DirectionProvider initialDirection={i18n.dir()} detectDirection={false}>
          <DirectionSync />
          <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} env={env}>
            <Notifications position="top-center" />
            {children}
          </MantineProvider>
        </DirectionProvider>
      </I18nextProvider>
    </QueryClientProvider>
  );
}

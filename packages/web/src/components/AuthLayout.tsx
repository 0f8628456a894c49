import { Box, Container, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ShieldIcon } from './icons.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

/** Frame of the screens shown before the user is fully signed in. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" px="sm" py="xs" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="nowrap" maw={960} mx="auto">
          <Group gap={6} c="blue.8" wrap="nowrap">
            <ShieldIcon />
            <Text component="span" fz="xl" fw={700} c="dark.8">
              {t('app.name')}
            </Text>
          </Group>
          <LanguageSwitcher />
        </Group>
      </Box>
      <Container component="main" id="main" size={460} px="sm" py="xl">
        <Paper withBorder shadow="sm" p={{ base: 'md', xs: 'xl' }} radius="md">
          {children}
        </Paper>
        <Text ta="center" size="sm" c="dimmed" mt="md">
          {t('app.tagline')}
        </Text>
      </Container>
    </Box>
  );
}

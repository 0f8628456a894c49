import { Anchor, AppShell, Burger, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { FullPageLoader } from './FullPageLoader.tsx';
import { ShieldIcon } from './icons.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { NavMenu } from './NavMenu.tsx';
import { UserMenu } from './UserMenu.tsx';

// Loaded after the shell: it needs the code lists, which the first paint does not.
const NotificationsBell = lazy(() =>
  import('../features/notifications/NotificationsBell.tsx').then((module) => ({ default: module.NotificationsBell })),
);

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Anchor component={Link} to="/" underline="never" c="blue.8" aria-label={t('app.homeLink')}>
              <Group gap={6} wrap="nowrap">
                <ShieldIcon />
                <Text component="span" fz="xl" fw={700} c="dark.8">
                  {t('app.name')}
                </Text>
              </Group>
            </Anchor>
          </Group>
          <Group gap={4} wrap="nowrap">
            <Suspense fallback={null}>
              <NotificationsBell />
            </Suspense>
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="main-navigation" aria-label={t('nav.label')} p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <NavMenu onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Suspense fallback={<FullPageLoader />}>
          <div style={{ maxWidth: 1200, marginInline: 'auto' }}>
            <Outlet />
          </div>
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

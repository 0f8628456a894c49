import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../features/auth/api.ts';
import { visibleNav } from '../routes/nav.ts';

function isActive(pathname: string, to: string): boolean {
  if (to === '/') return pathname === '/';
  if (to === '/children') return pathname === '/children' || /^\/children\/(?!new$|first-contact$)[^/]+$/.test(pathname);
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** The main navigation, built from the signed-in role's permissions. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const sections = visibleNav(me.role.permissions);

  return (
    <Stack gap="md">
      {sections.map((section, index) => {
        const headingId = section.label ? `nav-section-${index}` : undefined;
        return (
          <div key={section.label ?? index} {...(headingId ? { role: 'group', 'aria-labelledby': headingId } : {})}>
            {section.label && (
              <Text id={headingId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
                {t(section.label)}
              </Text>
            )}
            {section.items.map((item) => {
              const active = isActive(pathname, item.to);
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={t(item.label)}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={onNavigate}
                  variant="light"
                />
              );
            })}
          </div>
        );
      })}
    </Stack>
  );
}

import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DetailList } from '../../components/DetailList.tsx';
import { visibleNav } from '../../routes/nav.ts';
import { useMe } from '../auth/api.ts';

/** For roles without case work (administration, oversight): their access and shortcuts. */
export function AccessSummary() {
  const { t } = useTranslation();
  const me = useMe();
  const shortcuts = visibleNav(me.role.permissions)
    .flatMap((section) => section.items)
    .filter((item) => item.to !== '/');

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('home.yourAccess')}
        </Title>
        <DetailList
          items={[
            {
              label: t('home.role'),
              value: (
                <Group gap="xs" component="span">
                  <Text span fw={600}>
                    {me.role.name}
                  </Text>
                  <Badge variant="light" color="gray">
                    {t(`enums.category.${me.role.category}`)}
                  </Badge>
                </Group>
              ),
            },
            {
              label: t('home.agency'),
              value: (
                <Group gap="xs" component="span">
                  <Text span fw={600}>
                    {me.user.agencyName}
                  </Text>
                  <Badge variant="outline" color="gray">
                    {me.user.jurisdiction}
                  </Badge>
                </Group>
              ),
            },
            { label: t('home.scope'), value: t(`enums.scope.${me.role.scope}`) },
          ]}
        />
      </Card>
      <section aria-labelledby="shortcuts-title">
        <Title order={2} size="h4" mb="sm" id="shortcuts-title">
          {t('home.shortcuts')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          {shortcuts.map((item) => (
            <Button key={item.to} component={Link} to={item.to} variant="default" size="md" justify="flex-start" fullWidth>
              {t(item.label)}
            </Button>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}

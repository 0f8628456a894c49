import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal.tsx';
import { useMe, usePermission } from '../../auth/api.ts';
import { useCaseContext } from '../page/CaseContext.tsx';
import { actionForm, availableActions, myTaskKinds, type PanelAction } from './actionCatalog.tsx';

/** What this user can record on the case now: what its tasks call for first, then everything else allowed. */
export function ActionsPanel() {
  const { t } = useTranslation();
  const me = useMe();
  const supervises = usePermission('case:approve');
  const { view } = useCaseContext();
  const [open, setOpen] = useState<PanelAction | null>(null);
  const { suggested, others } = availableActions(view, me.user.id, myTaskKinds(view, me.user.id, supervises));
  const close = () => setOpen(null);

  if (suggested.length === 0 && others.length === 0) {
    return (
      <Card withBorder padding="md" component="section" aria-labelledby="case-actions">
        <Title order={2} size="h4" id="case-actions" mb="xs">
          {t('actions.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('actions.none')}
        </Text>
      </Card>
    );
  }

  const button = (type: PanelAction, primary: boolean) => (
    <Button
      key={type}
      variant={primary ? 'filled' : 'default'}
      onClick={() => setOpen(type)}
      fullWidth
      justify="flex-start"
      styles={{ label: { whiteSpace: 'normal', textAlign: 'start', lineHeight: 1.3 } }}
      h="auto"
      mih={44}
      py={8}
    >
      {t(`actionButton.${type}`)}
    </Button>
  );

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="case-actions">
      <Title order={2} size="h4" id="case-actions" mb="sm">
        {t('actions.title')}
      </Title>
      <Stack gap="md">
        {suggested.length > 0 && (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('actions.suggested')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              {suggested.map((type) => button(type, true))}
            </SimpleGrid>
          </Stack>
        )}
        {others.length > 0 && (
          <Stack gap="xs">
            {suggested.length > 0 && (
              <Text size="sm" fw={600}>
                {t('actions.others')}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
              {others.map((type) => button(type, false))}
            </SimpleGrid>
          </Stack>
        )}
      </Stack>
      <FormModal opened={open !== null} onClose={close} title={open ? t(`actionButton.${open}`) : ''} size="xl">
        {open && actionForm(open, { onDone: close })}
      </FormModal>
    </Card>
  );
}

import { type Action, actions, type Permission, permissionCatalogue, resources } from '@haven/domain';
import { Center, Checkbox, Fieldset, SimpleGrid, Stack, Table } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

interface Props {
  value: Permission[];
  onChange: (value: Permission[]) => void;
  disabled?: boolean;
}

/** Actions that appear in the catalogue at all, in catalogue order: the grid's columns. */
const usedActions: Action[] = actions.filter((action) => resources.some((resource) => permissionCatalogue[resource].includes(action)));

/** Permissions as resource rows × action columns (a list of fieldsets on phones). */
export function PermissionGrid({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  const toggle = (permission: Permission, checked: boolean) =>
    onChange(checked ? [...value, permission] : value.filter((p) => p !== permission));

  const box = (resource: (typeof resources)[number], action: Action, withLabel: boolean) => {
    const permission = `${resource}:${action}` as Permission;
    return (
      <Checkbox
        key={permission}
        checked={value.includes(permission)}
        onChange={(event) => toggle(permission, event.currentTarget.checked)}
        disabled={disabled}
        label={withLabel ? t(`enums.action.${action}`) : undefined}
        aria-label={
          withLabel
            ? undefined
            : t('roles.permissionLabel', {
                action: t(`enums.action.${action}`),
                resource: t(`enums.resource.${resource}`),
              })
        }
      />
    );
  };

  if (narrow) {
    return (
      <Stack gap="sm">
        {resources.map((resource) => (
          <Fieldset key={resource} legend={t(`enums.resource.${resource}`)} variant="filled" p="sm">
            <SimpleGrid cols={2} spacing="xs">
              {permissionCatalogue[resource].map((action) => box(resource, action, true))}
            </SimpleGrid>
          </Fieldset>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={620}>
      <Table withTableBorder withColumnBorders verticalSpacing="xs" ta="center">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" ta="start">
              {t('roles.resource')}
            </Table.Th>
            {usedActions.map((action) => (
              <Table.Th key={action} scope="col" ta="center">
                {t(`enums.action.${action}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {resources.map((resource) => (
            <Table.Tr key={resource}>
              <Table.Th scope="row" ta="start" fw={500}>
                {t(`enums.resource.${resource}`)}
              </Table.Th>
              {usedActions.map((action) => (
                <Table.Td key={action}>
                  {permissionCatalogue[resource].includes(action) ? <Center>{box(resource, action, false)}</Center> : null}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Keep the cell on one line (identifiers, dates); the table then scrolls inside its container. */
  nowrap?: boolean;
}

interface Props<T> {
  /** Names the table for assistive technology. */
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Row actions (edit, open…), shown in the last column or at the foot of each card. */
  actions?: (row: T) => ReactNode;
  empty?: string;
  /** Below this width the table scrolls sideways inside its own container. */
  minWidth?: number;
}

/** A table on wide screens, a stack of cards on phones (no sideways scrolling of the page). */
export function DataTable<T>({ caption, columns, rows, rowKey, actions, empty, minWidth = 640 }: Props<T>) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');

  if (rows.length === 0) {
    return (
      <Text c="dimmed" py="lg">
        {empty ?? t('common.empty')}
      </Text>
    );
  }

  if (narrow) {
    return (
      <Stack gap="sm" component="ul" aria-label={caption} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((row) => (
          <Card component="li" key={rowKey(row)} withBorder padding="md">
            <Stack gap={6} component="dl" m={0}>
              {columns.map((col) => (
                <Group key={col.key} justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Text component="dt" size="sm" c="dimmed">
                    {col.header}
                  </Text>
                  <Text component="dd" size="sm" m={0} ta="end" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    {col.render(row)}
                  </Text>
                </Group>
              ))}
            </Stack>
            {actions && (
              <Group gap="xs" mt="sm" justify="flex-end">
                {actions(row)}
              </Group>
            )}
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }} className="visually-hidden">
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((col) => (
              <Table.Th key={col.key} scope="col">
                {col.header}
              </Table.Th>
            ))}
            {actions && (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((col) => (
                <Table.Td key={col.key} className={col.nowrap ? 'nowrap' : undefined}>
                  {col.render(row)}
                </Table.Td>
              ))}
              {actions && (
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {actions(row)}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

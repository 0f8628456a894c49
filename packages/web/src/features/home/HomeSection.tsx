import { Badge, Card, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  /** A count shown beside the title (tasks, alerts…). */
  count?: number;
  /** Red when what is counted needs attention now. */
  urgent?: boolean;
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled block of the home page, a landmark named by its heading. */
export function HomeSection({ id, title, count, urgent, actions, children }: Props) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Group gap="xs">
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {count !== undefined && count > 0 && (
            <Badge color={urgent ? 'red.9' : 'gray.7'} variant="filled" circle={count < 10}>
              {count}
            </Badge>
          )}
        </Group>
        {actions}
      </Group>
      {children}
    </Card>
  );
}

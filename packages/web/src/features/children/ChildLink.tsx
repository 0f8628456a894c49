import type { Child } from '@haven/domain';
import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { usePermission } from '../auth/api.ts';
import { ChildName, type NameFields } from './ChildName.tsx';

/** The child's name (or why there is none) and reference, linking to the case when the role may open it. */
export function ChildLink({ child, size }: { child: Pick<Child, 'id' | 'reference'> & NameFields; size?: 'sm' }) {
  const canRead = usePermission('child:read');
  const name = <ChildName child={child} />;
  return (
    <Stack gap={0}>
      {canRead ? (
        <Anchor component={Link} to={`/children/${child.id}`} fw={600} size={size} style={{ overflowWrap: 'anywhere' }}>
          {name}
        </Anchor>
      ) : (
        <Text fw={600} size={size}>
          {name}
        </Text>
      )}
      <Text span size="xs" c="dimmed" className="mono">
        {child.reference}
      </Text>
    </Stack>
  );
}

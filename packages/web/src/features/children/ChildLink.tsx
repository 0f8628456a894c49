import type { Child } from '@haven/domain';
import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermission } from '../auth/api.ts';

/** The child's name (or "name restricted") and reference, linking to the case when the role may open it. */
export function ChildLink({ child, size }: { child: Pick<Child, 'id' | 'reference' | 'displayName'>; size?: 'sm' }) {
  const { t } = useTranslation();
  const canRead = usePermission('child:read');
  const name = child.displayName ? (
    <bdi>{child.displayName}</bdi>
  ) : (
    <Text span fs="italic" c="dimmed" inherit>
      {t('children.nameRestricted')}
    </Text>
  );
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

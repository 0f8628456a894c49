import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** What a view carries of a child's name: the name, or why there is none. */
export interface NameFields {
  displayName?: string | undefined;
  /** Set by the server: the reader's role hides identity. Absent (older views): no name is taken as hidden. */
  nameHidden?: boolean | undefined;
}

/** "Name restricted" means hidden from your role; "Name not recorded" means nobody recorded one. */
export function nameState(child: NameFields | undefined): 'shown' | 'hidden' | 'not_recorded' {
  if (!child || child.nameHidden === true) return 'hidden';
  if (child.displayName) return 'shown';
  return child.nameHidden === false ? 'not_recorded' : 'hidden';
}

/** The name as plain text (a select option, a title). */
export function childNameText(t: TFunction, child: NameFields | undefined): string {
  const state = nameState(child);
  if (state === 'shown') return child?.displayName ?? '';
  return state === 'hidden' ? t('children.nameRestricted') : t('children.nameNotRecorded');
}

/** The child's name, isolated for bidirectional text, or a dimmed note saying why there is none. */
export function ChildName({ child }: { child: NameFields | undefined }) {
  const { t } = useTranslation();
  if (nameState(child) === 'shown') return <bdi>{child?.displayName}</bdi>;
  return (
    <Text span fs="italic" c="dimmed" inherit>
      {childNameText(t, child)}
    </Text>
  );
}

import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: string;
  children: ReactNode;
}

/** A dialog holding a form; full screen on phones so that nothing scrolls sideways. */
export function FormModal({ opened, onClose, title, size = 'lg', children }: Props) {
  const narrow = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} fullScreen={narrow} closeOnClickOutside={false}>
      {opened && children}
    </Modal>
  );
}

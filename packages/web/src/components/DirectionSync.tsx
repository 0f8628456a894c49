import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Keeps Mantine's direction (and so mirrored layout) in step with the UI language. */
export function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const dir = i18n.dir(i18n.language);
  useEffect(() => {
    setDirection(dir);
  }, [dir, setDirection]);
  return null;
}

import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props extends ButtonProps {
  children: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  loading?: boolean;
  /** Keeps the confirmation off until the dialog's own fields are filled in (a reason, say). */
  confirmDisabled?: boolean;
}

/** A button whose action must be confirmed in a dialog first (destructive or irreversible actions). */
export function ConfirmButton({ children, title, message, confirmLabel, onConfirm, loading, confirmDisabled, ...buttonProps }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button w="fit-content" {...buttonProps} loading={loading} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
        {typeof message === 'string' ? <Text>{message}</Text> : message}
        <Group justify="flex-end" mt="lg" gap="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color={buttonProps.color ?? 'red'}
            disabled={confirmDisabled}
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

import { type NotificationData, notifications } from '@mantine/notifications';
import { ApiError } from '../api/ApiError.ts';
import i18n from '../i18n/i18n.ts';

export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : i18n.t('errors.unexpected');
}

/** Shows a notification whose close button is named (Mantine's has only an icon). */
export function notify(data: NotificationData): void {
  notifications.show({ closeButtonProps: { 'aria-label': i18n.t('common.closeMessage') }, ...data });
}

export function notifyError(error: unknown): void {
  notify({ color: 'red', title: i18n.t('errors.title'), message: errorText(error) });
}

export function notifySuccess(message: string): void {
  notify({ color: 'green', message });
}

import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/ApiError.ts';
import i18n from '../i18n/i18n.ts';

export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : i18n.t('errors.unexpected');
}

export function notifyError(error: unknown): void {
  notifications.show({ color: 'red', title: i18n.t('errors.title'), message: errorText(error) });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message });
}

import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError.ts';
import { AlertIcon } from './icons.tsx';

interface Props {
  error: unknown;
  /** Form fields that show their own server messages; other issues are listed here. */
  fields?: readonly string[];
}

/** The server's localised error message, announced to screen readers as soon as it appears. */
export function ApiErrorAlert({ error, fields = [] }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t('errors.unexpected');
  const others =
    error instanceof ApiError
      ? error.issues.filter((issue) => !fields.some((f) => issue.path === f || issue.path.startsWith(`${f}.`)))
      : [];
  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} role="alert" title={t('errors.title')}>
      {message}
      {others.length > 0 && (
        <List size="sm" mt="xs">
          {others.map((issue) => (
            <List.Item key={`${issue.path}:${issue.message}`}>
              {issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

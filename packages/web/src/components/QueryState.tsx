import type { ReactNode } from 'react';
import { ApiErrorAlert } from './ApiErrorAlert.tsx';
import { FullPageLoader } from './FullPageLoader.tsx';

interface Props {
  isPending: boolean;
  error: unknown;
  children: ReactNode;
}

/** Loader while a query is pending, its error if it failed, else the content. */
export function QueryState({ isPending, error, children }: Props) {
  if (error) return <ApiErrorAlert error={error} />;
  if (isPending) return <FullPageLoader />;
  return <>{children}</>;
}

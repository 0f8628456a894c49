import type { ChangeRequestInput } from '@haven/domain';
import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/ApiError.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { useRequestChange } from './api.ts';

const offersSecondApproval = (error: unknown, change: ChangeRequestInput | undefined): change is ChangeRequestInput =>
  error instanceof ApiError && error.code === 'second_approval_required' && change !== undefined;

interface Props {
  /** The error of the save that was refused. */
  error: unknown;
  /** The change to submit for approval, built from what the administrator tried to save. */
  change: ChangeRequestInput | undefined;
  onDone: () => void;
}

/**
 * When a save is refused because it needs a second administrator, offers to submit the same change
 * as a change request instead.
 */
function SecondApprovalOffer({ error, change, onDone }: Props) {
  const { t } = useTranslation();
  const submit = useRequestChange();
  if (!offersSecondApproval(error, change)) return null;
  if (submit.isSuccess) {
    return (
      <Alert color="blue" variant="light" role="status">
        {t('changeRequests.submitted')}
      </Alert>
    );
  }
  return (
    <Alert color="orange" variant="light" role="status" title={t('changeRequests.needsSecondTitle')}>
      <Text size="sm" mb="xs">
        {t('changeRequests.needsSecondText')}
      </Text>
      <ApiErrorAlert error={submit.error} />
      <Button size="xs" loading={submit.isPending} onClick={() => submit.mutate(change, { onSuccess: () => setTimeout(onDone, 1500) })}>
        {t('changeRequests.submit')}
      </Button>
    </Alert>
  );
}

/**
 * Why a save of an administration form failed: the offer to submit it for a second administrator's approval
 * when that is the reason (not also a red error saying the same), else the server's error.
 */
export function SaveError({ fields, ...props }: Props & { fields: readonly string[] }) {
  if (offersSecondApproval(props.error, props.change)) return <SecondApprovalOffer {...props} />;
  return <ApiErrorAlert error={props.error} fields={fields} />;
}

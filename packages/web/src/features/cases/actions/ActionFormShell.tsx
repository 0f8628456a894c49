import type { CaseActionType } from '@haven/domain';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { AlertIcon } from '../../../components/icons.tsx';
import { LiveRegion } from '../../../components/LiveRegion.tsx';
import { FormActions } from '../../../forms/FormActions.tsx';
import { formatDateTime, formatList } from '../../codes/format.ts';
import { useCodes } from '../../codes/useCodes.ts';
import { consentRequired, isSeparationWarning, occurredAtRefusal } from '../api.ts';
import { useCaseContext } from '../page/CaseContext.tsx';
import { HappenedEarlierField } from './HappenedEarlierField.tsx';
import type { CaseActionForm } from './useCaseAction.ts';

interface Props<T extends CaseActionType> {
  action: CaseActionForm<T>;
  children: ReactNode;
  onCancel: () => void;
  submitLabel?: string;
  /** Refusals this form explains itself (beside its fields), not to be repeated in the general alert. */
  handles?: (error: unknown) => boolean;
  /** Actions that only make sense now (an approval decision, say) are never backdated. */
  allowBackdating?: boolean;
}

/** The consent a refused action needs, and a way to the consent section to record it. */
export function ConsentNeeded({ error, onGo }: { error: unknown; onGo: () => void }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const details = consentRequired(error);
  if (!details) return null;
  return (
    <Alert color="yellow" variant="light" icon={<AlertIcon />} title={t('actions.consentNeeded')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{error instanceof Error ? error.message : ''}</Text>
        <Text size="sm" fw={600}>
          {t('actions.consentMissing', {
            scope: codes.label('consentScope', details.scope),
            missing: formatList(details.missing.map((part) => codes.label('consentPart', part))),
          })}
        </Text>
        <Button size="compact-md" variant="filled" color="dark" w="fit-content" onClick={onGo}>
          {t('actions.goToConsents')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** The frame of every case action form: fields, "happened earlier", the refusals that need a follow-up, and the buttons. */
export function ActionFormShell<T extends CaseActionType>({
  action,
  children,
  onCancel,
  submitLabel,
  handles,
  allowBackdating = true,
}: Props<T>) {
  const { t } = useTranslation();
  const { view, showTab } = useCaseContext();
  const error = action.record.error;
  const separation = isSeparationWarning(error);
  const consent = consentRequired(error) !== null;
  const backdate = occurredAtRefusal(error);
  const latest = view.events.at(-1)?.at ?? null;
  const general = error && !separation && !consent && !backdate && !handles?.(error) ? error : null;
  const [separationReason, setSeparationReason] = useState('');

  return (
    <form onSubmit={action.onSubmit} noValidate>
      <Stack gap="md">
        {children}
        {allowBackdating && (
          <HappenedEarlierField
            value={action.occurredAt}
            onChange={action.setOccurredAt}
            notBefore={backdate?.notBefore ?? latest}
            error={
              backdate
                ? backdate.notBefore
                  ? t('actions.backdateRefused', { when: formatDateTime(backdate.notBefore), days: backdate.backdateDays ?? '' })
                  : (error?.message ?? undefined)
                : undefined
            }
          />
        )}
        <LiveRegion>
          {separation && (
            <Alert color="yellow" variant="light" icon={<AlertIcon />} title={t('actions.separationTitle')} role="alert">
              <Stack gap="xs">
                <Text size="sm">{error?.message}</Text>
                <Textarea
                  label={t('actions.separationReason')}
                  required
                  autosize
                  minRows={2}
                  value={separationReason}
                  onChange={(event) => setSeparationReason(event.currentTarget.value)}
                />
                <Group gap="sm">
                  <Button
                    color="red.9"
                    size="compact-md"
                    disabled={separationReason.trim() === ''}
                    onClick={() => action.confirmSeparation(separationReason.trim())}
                    loading={action.record.isPending}
                  >
                    {t('actions.confirmSeparation')}
                  </Button>
                  <Button variant="default" size="compact-md" onClick={onCancel}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {consent && (
            <ConsentNeeded
              error={error}
              onGo={() => {
                onCancel();
                showTab('consents');
              }}
            />
          )}
          {/* Problems with the action's own fields are shown beneath them. */}
          {general && <ApiErrorAlert error={general} fields={['action']} />}
        </LiveRegion>
        <FormActions onCancel={onCancel} loading={action.record.isPending} submitLabel={submitLabel ?? t('actions.record')} />
      </Stack>
    </form>
  );
}

import { Input, SegmentedControl, Textarea } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCodes } from '../../../codes/useCodes.ts';
import { ActionFormShell } from '../ActionFormShell.tsx';
import { useCaseAction } from '../useCaseAction.ts';
import type { ActionFormProps } from './types.ts';

/** When the family may be complicit, a supervisor decides whether family contact (tracing, reunification) may go ahead. */
export function FamilyContactForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const codes = useCodes();
  const action = useCaseAction('family_contact_reviewed', { comment: '' }, { onDone });
  return (
    <ActionFormShell action={action} onCancel={onDone} allowBackdating={false}>
      <Controller
        control={action.form.control}
        name="decision"
        render={({ field, fieldState }) => (
          <Input.Wrapper
            label={t('familyContact.decision')}
            description={t('familyContact.hint')}
            required
            error={fieldState.error?.message}
          >
            <SegmentedControl
              fullWidth
              mt={6}
              value={field.value ?? ''}
              onChange={field.onChange}
              data={(['cleared', 'not_cleared'] as const).map((value) => ({ value, label: codes.label('familyContact', value) }))}
              aria-label={t('familyContact.decision')}
            />
          </Input.Wrapper>
        )}
      />
      <Textarea label={t('familyContact.comment')} autosize minRows={2} {...action.form.register('comment')} />
    </ActionFormShell>
  );
}

import { noteCategories } from '@haven/domain';
import { Alert, Textarea } from '@mantine/core';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../../forms/fields.tsx';
import { useCodes } from '../../../codes/useCodes.ts';
import { ActionFormShell } from '../ActionFormShell.tsx';
import { useCaseAction } from '../useCaseAction.ts';
import type { ActionFormProps } from './types.ts';

/** Categories whose notes only roles allowed to see restricted notes can read. */
export const restrictedNoteCategories = new Set(['trafficking_testimony', 'health', 'legal']);

export function NoteForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const codes = useCodes();
  const action = useCaseAction('note_added', { category: 'general', text: '' }, { onDone });
  const category = useWatch({ control: action.form.control, name: 'category' });
  return (
    <ActionFormShell action={action} onCancel={onDone}>
      <SelectField
        control={action.form.control}
        name="category"
        label={t('note.category')}
        data={codes.options('noteCategory', noteCategories)}
        allowDeselect={false}
        required
      />
      {category && restrictedNoteCategories.has(category) && (
        <Alert color="violet" variant="light" title={t('note.restrictedTitle')}>
          {t('note.restrictedText')}
        </Alert>
      )}
      <Textarea
        label={t('note.text')}
        required
        autosize
        minRows={5}
        error={action.form.formState.errors.text?.message}
        {...action.form.register('text')}
      />
    </ActionFormShell>
  );
}

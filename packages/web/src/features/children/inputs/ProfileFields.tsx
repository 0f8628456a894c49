import {
  type ChildInput,
  careStatuses,
  citizenshipStatuses,
  migrationDrivers,
  migrationStages,
  movementTypes,
  protectionCategories,
  Sex,
  typologies,
} from '@haven/domain';
import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { type Control, Controller, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldError } from '../../../forms/fieldError.ts';
import { MultiSelectField, SelectField } from '../../../forms/fields.tsx';
import { useAdminAreas } from '../../codes/adminAreas.ts';
import { useCountryOptions } from '../../codes/options.ts';
import { useCodes } from '../../codes/useCodes.ts';
import { AgeInput, emptyAge } from './AgeInput.tsx';
import { DisabilityInput } from './DisabilityInput.tsx';
import { DocumentsInput } from './DocumentsInput.tsx';
import { LanguagesInput } from './LanguagesInput.tsx';
import { NamePartsInput } from './NamePartsInput.tsx';
import { RouteInput } from './RouteInput.tsx';

/** The child's profile fields as a form holds them (registration and profile editing alike). */
type ProfileValues = Partial<z.input<typeof ChildInput>>;
type ProfileField = keyof ProfileValues & string;

/**
 * A form over (some of) the profile fields: the registration's, or one group's edit form. Each
 * group below is used only by forms whose values hold its fields.
 */
interface Props<T extends FieldValues, TOut extends FieldValues> {
  control: Control<T, unknown, TOut>;
}

/** A profile field's path in such a form (the field names are the schema's, whatever the form). */
const at = <T extends FieldValues>(field: ProfileField) => field as FieldPath<T>;

export function IdentityFields<T extends FieldValues, TOut extends FieldValues>({ control }: Props<T, TOut>) {
  const { t } = useTranslation();
  return (
    <>
      <Controller
        control={control}
        name={at<T>('names')}
        render={({ field, fieldState }) => (
          <NamePartsInput value={field.value ?? []} onChange={field.onChange} error={fieldState.error} required />
        )}
      />
      <SelectField
        control={control}
        name={at<T>('sex')}
        label={t('children.sex')}
        data={Sex.options.map((value) => ({ value, label: t(`enums.sex.${value}`) }))}
        required
        allowDeselect={false}
        maw={320}
      />
    </>
  );
}

export function AgeField<T extends FieldValues, TOut extends FieldValues>({ control }: Props<T, TOut>) {
  return (
    <Controller
      control={control}
      name={at<T>('age')}
      render={({ field, fieldState }) => <AgeInput value={field.value ?? emptyAge} onChange={field.onChange} error={fieldState.error} />}
    />
  );
}

export function OriginFields<T extends FieldValues, TOut extends FieldValues>({ control }: Props<T, TOut>) {
  const { t } = useTranslation();
  const codes = useCodes();
  const nationalities = useCountryOptions(true);
  const countries = useCountryOptions(false);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <MultiSelectField
          control={control}
          name={at<T>('nationality')}
          label={t('children.nationality')}
          description={t('children.nationalityPickHint')}
          data={nationalities}
          searchable
          maxValues={5}
          clearable
        />
        <SelectField
          control={control}
          name={at<T>('citizenshipStatus')}
          label={t('children.citizenshipStatus')}
          data={codes.options('citizenshipStatus', citizenshipStatuses)}
          allowDeselect={false}
        />
        <SelectField
          control={control}
          name={at<T>('countryOfBirth')}
          label={t('children.countryOfBirth')}
          data={countries}
          searchable
          clearable
        />
      </SimpleGrid>
      <Controller
        control={control}
        name={at<T>('languages')}
        render={({ field, fieldState }) => (
          <LanguagesInput value={field.value ?? []} onChange={field.onChange} error={fieldError(fieldState.error)} />
        )}
      />
    </>
  );
}

/** Typology, movement, reasons for leaving and other protection concerns; care status and stage only at registration (later they change through dated case actions). */
export function SituationFields<T extends FieldValues, TOut extends FieldValues>({
  control,
  withCareAndStage = false,
}: Props<T, TOut> & { withCareAndStage?: boolean }) {
  const { t } = useTranslation();
  const codes = useCodes();
  return (
    <>
      <MultiSelectField
        control={control}
        name={at<T>('typology')}
        label={t('children.typology')}
        description={t('children.typologyHint')}
        data={codes.options('typology', typologies)}
        searchable
        clearable
      />
      <SimpleGrid cols={{ base: 1, sm: withCareAndStage ? 3 : 2 }} spacing="md">
        {withCareAndStage && (
          <>
            <SelectField
              control={control}
              name={at<T>('careStatus')}
              label={t('children.careStatus')}
              data={codes.options('careStatus', careStatuses)}
              clearable
            />
            <SelectField
              control={control}
              name={at<T>('stage')}
              label={t('children.stage')}
              data={codes.options('migrationStage', migrationStages)}
              clearable
            />
          </>
        )}
        <SelectField
          control={control}
          name={at<T>('movementType')}
          label={t('children.movementType')}
          data={codes.options('movementType', movementTypes)}
          clearable
        />
      </SimpleGrid>
      <MultiSelectField
        control={control}
        name={at<T>('drivers')}
        label={t('children.drivers')}
        data={codes.options('migrationDriver', migrationDrivers)}
        searchable
        clearable
      />
      <MultiSelectField
        control={control}
        name={at<T>('protectionCategories')}
        label={t('children.protectionCategories')}
        data={codes.options('protectionCategory', protectionCategories)}
        searchable
        clearable
      />
    </>
  );
}

/** A free-text profile field: a text box, or a multi-line one. */
function TextField<T extends FieldValues, TOut extends FieldValues>({
  control,
  field: name,
  label,
  description,
  multiline = false,
}: Props<T, TOut> & { field: ProfileField; label: string; description?: string; multiline?: boolean }) {
  return (
    <Controller
      control={control}
      name={at<T>(name)}
      render={({ field, fieldState }) =>
        multiline ? (
          <Textarea
            label={label}
            description={description}
            autosize
            minRows={3}
            {...field}
            value={field.value ?? ''}
            error={fieldState.error?.message}
          />
        ) : (
          <TextInput label={label} description={description} {...field} value={field.value ?? ''} error={fieldState.error?.message} />
        )
      }
    />
  );
}

/** Where the child is: the administrative area, and (restricted) the address or place. `beside` shares the first row. */
export function LocationFields<T extends FieldValues, TOut extends FieldValues>({
  control,
  beside,
}: Props<T, TOut> & { beside?: ReactNode }) {
  const { t } = useTranslation();
  const areas = useAdminAreas();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <SelectField
          control={control}
          name={at<T>('locationCode')}
          label={t('children.location')}
          data={areas.options}
          searchable
          clearable
        />
        {beside}
      </SimpleGrid>
      <TextField
        control={control}
        field="locationDetail"
        label={t('children.locationDetail')}
        description={t('children.locationDetailHint')}
        multiline
      />
    </>
  );
}

export function ProtectionFields<T extends FieldValues, TOut extends FieldValues>({ control }: Props<T, TOut>) {
  const { t } = useTranslation();
  return (
    <>
      <TextField control={control} field="legalStatus" label={t('children.legalStatus')} />
      <TextField
        control={control}
        field="protectionNotes"
        label={t('children.protectionNotes')}
        description={t('children.protectionNotesHint')}
        multiline
      />
    </>
  );
}

export function DocumentFields<T extends FieldValues, TOut extends FieldValues>({ control }: Props<T, TOut>) {
  const { t } = useTranslation();
  const codes = useCodes();
  return (
    <>
      <SelectField
        control={control}
        name={at<T>('birthRegistration')}
        label={t('children.birthRegistration')}
        data={codes.options('birthRegistration')}
        allowDeselect={false}
        maw={360}
      />
      <Controller
        control={control}
        name={at<T>('documents')}
        render={({ field, fieldState }) => <DocumentsInput value={field.value ?? []} onChange={field.onChange} error={fieldState.error} />}
      />
    </>
  );
}

export function DisabilityField<T extends FieldValues, TOut extends FieldValues>({
  control,
  ageYears,
}: Props<T, TOut> & { ageYears: number | null }) {
  return (
    <Controller
      control={control}
      name={at<T>('disability')}
      render={({ field, fieldState }) => (
        <DisabilityInput value={field.value} onChange={field.onChange} ageYears={ageYears} error={fieldState.error} />
      )}
    />
  );
}

/** The route: the countries the child passed through, in order (restricted with the location). */
export function RouteField<T extends FieldValues, TOut extends FieldValues>({ control }: Props<T, TOut>) {
  return (
    <Controller
      control={control}
      name={at<T>('route')}
      render={({ field, fieldState }) => <RouteInput value={field.value ?? []} onChange={field.onChange} error={fieldState.error} />}
    />
  );
}

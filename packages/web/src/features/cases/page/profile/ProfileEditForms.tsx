import { type Child, ChildUpdateInput } from '@haven/domain';
import { Alert, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../../components/ApiErrorAlert.tsx';
import { LiveRegion } from '../../../../components/LiveRegion.tsx';
import { FormActions } from '../../../../forms/FormActions.tsx';
import { emptyAge } from '../../../children/inputs/AgeInput.tsx';
import {
  AgeField,
  DisabilityField,
  DocumentFields,
  IdentityFields,
  LocationFields,
  OriginFields,
  ProtectionFields,
  RouteField,
  SituationFields,
} from '../../../children/inputs/ProfileFields.tsx';
import { useProfileEdit } from './useProfileEdit.ts';

export const profileGroups = ['identity', 'age', 'origin', 'situation', 'location', 'protection', 'documents', 'functioning'] as const;
export type ProfileGroup = (typeof profileGroups)[number];

interface EditProps {
  child: Child;
  onDone: () => void;
}

function Shell<T extends FieldValues>({
  edit,
  children,
  onDone,
}: {
  edit: ReturnType<typeof useProfileEdit<T, ChildUpdateInput & T>>;
  children: ReactNode;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const conflict = edit.update.error && 'code' in edit.update.error && edit.update.error.code === 'version_conflict';
  return (
    <form onSubmit={edit.onSubmit} noValidate>
      <Stack gap="md">
        {children}
        <LiveRegion>
          {conflict ? (
            <Alert color="yellow" role="alert" title={t('profile.conflictTitle')}>
              {t('profile.conflict')}
            </Alert>
          ) : (
            <ApiErrorAlert error={edit.update.error} fields={edit.fields} />
          )}
        </LiveRegion>
        <FormActions onCancel={onDone} loading={edit.update.isPending} />
      </Stack>
    </form>
  );
}

const IdentitySchema = ChildUpdateInput.pick({ names: true, sex: true });
function IdentityEdit({ child, onDone }: EditProps) {
  const edit = useProfileEdit(child, IdentitySchema, { names: child.names ?? [], sex: child.sex }, onDone);
  return (
    <Shell edit={edit} onDone={onDone}>
      <IdentityFields control={edit.form.control} />
    </Shell>
  );
}

const AgeSchema = ChildUpdateInput.pick({ age: true });
function AgeEdit({ child, onDone }: EditProps) {
  const { birthDate, birthDatePrecision, ageBasis, assessedMinAge, assessedMaxAge, assessmentConcluded, assessmentDate } = child.age;
  // The concluded assessment goes back exactly as read: the server refuses any change to it (ADR 0017).
  const age = {
    ...emptyAge,
    birthDate: birthDate ?? null,
    birthDatePrecision,
    ageBasis,
    assessedMinAge,
    assessedMaxAge,
    assessmentConcluded,
    assessmentDate,
  };
  const edit = useProfileEdit(child, AgeSchema, { age }, onDone);
  return (
    <Shell edit={edit} onDone={onDone}>
      <AgeField control={edit.form.control} />
    </Shell>
  );
}

const OriginSchema = ChildUpdateInput.pick({ nationality: true, citizenshipStatus: true, countryOfBirth: true, languages: true });
function OriginEdit({ child, onDone }: EditProps) {
  const defaults = {
    nationality: child.nationality,
    citizenshipStatus: child.citizenshipStatus,
    languages: child.languages,
    ...(child.countryOfBirth ? { countryOfBirth: child.countryOfBirth } : {}),
  };
  const edit = useProfileEdit(child, OriginSchema, defaults, onDone);
  return (
    <Shell edit={edit} onDone={onDone}>
      <OriginFields control={edit.form.control} />
    </Shell>
  );
}

const SituationSchema = ChildUpdateInput.pick({ typology: true, protectionCategories: true, movementType: true, drivers: true });
function SituationEdit({ child, onDone }: EditProps) {
  const defaults = {
    typology: child.typology,
    // Sent back only by a reader who sees them: a role that hides protection details leaves them as they are.
    ...(child.protectionCategories ? { protectionCategories: child.protectionCategories } : {}),
    drivers: child.drivers,
    ...(child.movementType ? { movementType: child.movementType } : {}),
  };
  const edit = useProfileEdit(child, SituationSchema, defaults, onDone);
  return (
    <Shell edit={edit} onDone={onDone}>
      <SituationFields control={edit.form.control} />
    </Shell>
  );
}

const LocationSchema = ChildUpdateInput.pick({ locationCode: true, locationDetail: true, route: true });
function LocationEdit({ child, onDone }: EditProps) {
  const defaults = {
    locationDetail: child.locationDetail ?? '',
    ...(child.locationCode ? { locationCode: child.locationCode } : {}),
    // The route is in the restricted location group: edited only by those who may see it.
    ...(child.route !== undefined ? { route: child.route } : {}),
  };
  const edit = useProfileEdit(child, LocationSchema, defaults, onDone);
  return (
    <Shell edit={edit} onDone={onDone}>
      <LocationFields control={edit.form.control} />
      {child.route !== undefined && <RouteField control={edit.form.control} />}
    </Shell>
  );
}

const ProtectionSchema = ChildUpdateInput.pick({ legalStatus: true, protectionNotes: true });
function ProtectionEdit({ child, onDone }: EditProps) {
  const edit = useProfileEdit(
    child,
    ProtectionSchema,
    { legalStatus: child.legalStatus ?? '', protectionNotes: child.protectionNotes ?? '' },
    onDone,
  );
  return (
    <Shell edit={edit} onDone={onDone}>
      <ProtectionFields control={edit.form.control} />
    </Shell>
  );
}

const DocumentsSchema = ChildUpdateInput.pick({ documents: true, birthRegistration: true });
function DocumentsEdit({ child, onDone }: EditProps) {
  const edit = useProfileEdit(
    child,
    DocumentsSchema,
    { documents: child.documents ?? [], birthRegistration: child.birthRegistration },
    onDone,
  );
  return (
    <Shell edit={edit} onDone={onDone}>
      <DocumentFields control={edit.form.control} />
    </Shell>
  );
}

const FunctioningSchema = ChildUpdateInput.pick({ disability: true });
function FunctioningEdit({ child, onDone }: EditProps) {
  const edit = useProfileEdit(child, FunctioningSchema, child.disability ? { disability: child.disability } : {}, onDone);
  return (
    <Shell edit={edit} onDone={onDone}>
      <DisabilityField control={edit.form.control} ageYears={child.age.years} />
    </Shell>
  );
}

/** The form editing one group of the profile. */
export function ProfileEditForm({ group, child, onDone }: EditProps & { group: ProfileGroup }) {
  const props = { child, onDone };
  switch (group) {
    case 'identity':
      return <IdentityEdit {...props} />;
    case 'age':
      return <AgeEdit {...props} />;
    case 'origin':
      return <OriginEdit {...props} />;
    case 'situation':
      return <SituationEdit {...props} />;
    case 'location':
      return <LocationEdit {...props} />;
    case 'protection':
      return <ProtectionEdit {...props} />;
    case 'documents':
      return <DocumentsEdit {...props} />;
    case 'functioning':
      return <FunctioningEdit {...props} />;
  }
}

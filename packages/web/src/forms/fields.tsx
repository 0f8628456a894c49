import { MultiSelect, type MultiSelectProps, Select, type SelectProps, Switch, type SwitchProps } from '@mantine/core';
import { type Control, type FieldPath, type FieldValues, useController } from 'react-hook-form';

interface Base<T extends FieldValues, TOut extends FieldValues> {
  control: Control<T, unknown, TOut>;
  name: FieldPath<T>;
}

/** Mantine inputs that are not plain text boxes, bound to react-hook-form. */
export function SwitchField<T extends FieldValues, TOut extends FieldValues>({
  control,
  name,
  ...props
}: Base<T, TOut> & Omit<SwitchProps, 'name'>) {
  const { field } = useController({ control, name });
  return (
    <Switch
      {...props}
      ref={field.ref}
      name={field.name}
      checked={Boolean(field.value)}
      onChange={(event) => field.onChange(event.currentTarget.checked)}
      onBlur={field.onBlur}
    />
  );
}

export function SelectField<T extends FieldValues, TOut extends FieldValues>({
  control,
  name,
  onChange,
  ...props
}: Base<T, TOut> & Omit<SelectProps, 'name'>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <Select
      {...props}
      ref={field.ref}
      name={field.name}
      value={(field.value as string | undefined) || null}
      onChange={(value, option) => (onChange ? onChange(value, option) : field.onChange(value ?? undefined))}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

export function MultiSelectField<T extends FieldValues, TOut extends FieldValues>({
  control,
  name,
  ...props
}: Base<T, TOut> & Omit<MultiSelectProps, 'name'>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <MultiSelect
      {...props}
      ref={field.ref}
      name={field.name}
      value={(field.value as string[] | undefined) ?? []}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

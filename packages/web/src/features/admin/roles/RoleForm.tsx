import { fieldGroups, purposes, type Role, roleCategories, scopes } from '@haven/domain';
import { Alert, Fieldset, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../../components/icons.tsx';
import { LiveRegion } from '../../../components/LiveRegion.tsx';
import { FormActions } from '../../../forms/FormActions.tsx';
import { MultiSelectField, SelectField, SwitchField } from '../../../forms/fields.tsx';
import { useZodForm } from '../../../forms/useZodForm.ts';
import { SaveError } from '../changeRequests/SecondApprovalOffer.tsx';
import { useSave, useSaveSubmit } from '../useSave.ts';
import { PermissionGrid } from './PermissionGrid.tsx';
import { fieldRuleChoices, RoleFormSchema, type RolePayload } from './roleForm.ts';

const FIELDS = ['key', 'name', 'description', 'category', 'scope', 'permissions', 'fieldRules', 'purposes', 'requireMfa'] as const;

const legendStyles = { legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', marginBottom: 4 } };

interface Props {
  role?: Role;
  onDone: () => void;
}

export function RoleForm({ role, onDone }: Props) {
  const { t } = useTranslation();
  const save = useSave<RolePayload, Role>('roles', '/roles', role?.id);
  const form = useZodForm(RoleFormSchema, {
    key: role?.key ?? '',
    name: role?.name ?? '',
    description: role?.description ?? '',
    category: role?.category,
    scope: role?.scope,
    permissions: role?.permissions ?? [],
    fieldRules: role?.fieldRules ?? {},
    purposes: role?.purposes ?? [],
    requireMfa: role?.requireMfa ?? false,
  });
  const { errors } = form.formState;
  const category = useWatch({ control: form.control, name: 'category' });

  const onSubmit = useSaveSubmit(form, save, FIELDS, onDone);

  const options = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <LiveRegion>
          <SaveError
            fields={FIELDS}
            error={save.error}
            change={role && save.variables ? { target: 'role', targetId: role.id, patch: save.variables } : undefined}
            onDone={onDone}
          />
        </LiveRegion>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('roles.name')} required error={errors.name?.message} {...form.register('name')} />
          <TextInput
            label={t('roles.key')}
            description={t('roles.keyHint')}
            required
            readOnly={Boolean(role)}
            autoCapitalize="off"
            spellCheck={false}
            classNames={{ input: 'mono' }}
            error={errors.key?.message}
            {...form.register('key')}
          />
        </SimpleGrid>
        <Textarea
          label={t('roles.description')}
          autosize
          minRows={2}
          error={errors.description?.message}
          {...form.register('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <SelectField
            control={form.control}
            name="category"
            label={t('roles.category')}
            data={options(roleCategories, 'enums.category')}
            required
            allowDeselect={false}
          />
          <SelectField
            control={form.control}
            name="scope"
            label={t('roles.scope')}
            description={t('roles.scopeHint')}
            data={options(scopes, 'enums.scope')}
            required
            allowDeselect={false}
          />
        </SimpleGrid>
        {category === 'immigration_enforcement' && (
          <Alert color="orange" variant="light" icon={<AlertIcon />} title={t('roles.firewallTitle')} role="status">
            {t('roles.firewallText')}
          </Alert>
        )}
        <Fieldset legend={t('roles.permissions')} variant="unstyled" p={0} styles={legendStyles}>
          <Controller
            control={form.control}
            name="permissions"
            render={({ field, fieldState }) => (
              <>
                <PermissionGrid value={field.value} onChange={field.onChange} />
                {fieldState.error && (
                  <Text c="red.8" size="sm" mt={4}>
                    {fieldState.error.message}
                  </Text>
                )}
              </>
            )}
          />
        </Fieldset>
        <Fieldset legend={t('roles.fieldRules')} variant="unstyled" p={0} styles={legendStyles}>
          <Text size="sm" c="dimmed" mb="xs">
            {t('roles.fieldRulesHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            {fieldGroups.map((group) => (
              <Controller
                key={group}
                control={form.control}
                name={`fieldRules.${group}`}
                render={({ field }) => (
                  <Select
                    ref={field.ref}
                    label={t(`enums.fieldGroup.${group}`)}
                    data={fieldRuleChoices.map((choice) => ({
                      value: choice || 'none',
                      label: t(`enums.fieldAccess.${choice || 'none'}`),
                    }))}
                    value={field.value || 'none'}
                    onChange={(value) => field.onChange(value === 'read' || value === 'hidden' ? value : '')}
                    onBlur={field.onBlur}
                    allowDeselect={false}
                  />
                )}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        <MultiSelectField
          control={form.control}
          name="purposes"
          label={t('roles.purposes')}
          description={t('roles.purposesHint')}
          data={options(purposes, 'enums.purpose')}
          required
        />
        <SwitchField control={form.control} name="requireMfa" label={t('roles.requireMfa')} description={t('roles.requireMfaHint')} />
        <FormActions onCancel={onDone} loading={save.isPending} />
      </Stack>
    </form>
  );
}

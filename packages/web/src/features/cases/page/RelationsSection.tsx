import { type ChildSummary, RelationInput, relationships } from '@haven/domain';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, type DefaultValues, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { api, withQuery } from '../../../api/client.ts';
import type { Page } from '../../../api/pagination.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { LiveRegion } from '../../../components/LiveRegion.tsx';
import { notifyError, notifySuccess } from '../../../components/notify.ts';
import { FormActions } from '../../../forms/FormActions.tsx';
import { SelectField } from '../../../forms/fields.tsx';
import { useZodForm } from '../../../forms/useZodForm.ts';
import { usePermission } from '../../auth/api.ts';
import { childNameText } from '../../children/ChildName.tsx';
import { useCodes } from '../../codes/useCodes.ts';
import { useAddRelation, useRemoveRelation } from '../api.ts';
import { useCaseContext } from './CaseContext.tsx';

const ChildRelation = RelationInput.options[0];
const AdultRelation = RelationInput.options[1];
type Kind = 'child' | 'adult';

/** Adds a relation from a form validated by one of the RelationInput schemas, then closes it. */
function useRelationForm<I extends FieldValues, O extends RelationInput & FieldValues>(
  schema: z.ZodType<O, I>,
  defaults: DefaultValues<I>,
  done: string,
  onDone: () => void,
) {
  const { t } = useTranslation();
  const { childId } = useCaseContext();
  const add = useAddRelation(childId);
  const form = useZodForm<I, O>(schema, defaults);
  const onSubmit = form.handleSubmit((values) =>
    add.mutate(values, {
      onSuccess: () => {
        notifySuccess(t(done));
        onDone();
      },
    }),
  );
  return { form, add, onSubmit };
}

/** Children whose name sounds like the search, for linking a sibling (this child left out). */
function useChildSearch(search: string, exclude: string) {
  const [debounced] = useDebouncedValue(search.trim(), 350);
  return useQuery({
    queryKey: ['children', 'search', debounced],
    queryFn: ({ signal }) =>
      api.get<Page<ChildSummary>>(withQuery('/children', { name: debounced, limit: 10, sort: 'updated' }), { signal }),
    select: (page) => page.items.filter((child) => child.id !== exclude),
    enabled: debounced.length >= 2,
  });
}

function SiblingForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const { childId } = useCaseContext();
  const [search, setSearch] = useState('');
  const found = useChildSearch(search, childId);
  const { form, add, onSubmit } = useRelationForm(ChildRelation, { kind: 'child', relationship: 'sibling' }, 'family.linked', onDone);
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Controller
          control={form.control}
          name="relatedChildId"
          render={({ field, fieldState }) => (
            <Select
              label={t('family.findChild')}
              description={t('family.findChildHint')}
              required
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options }) => options}
              data={(found.data ?? []).map((child) => ({
                value: child.id,
                label: `${childNameText(t, child)} · ${child.reference}`,
              }))}
              value={field.value ?? null}
              onChange={(value) => field.onChange(value ?? undefined)}
              nothingFoundMessage={search.trim().length >= 2 && !found.isFetching ? t('common.nothingFound') : undefined}
              error={fieldState.error?.message}
            />
          )}
        />
        <SelectField
          control={form.control}
          name="relationship"
          label={t('family.relationship')}
          data={codes.options('relationship', relationships)}
          required
          allowDeselect={false}
        />
        <LiveRegion>
          <ApiErrorAlert error={add.error} />
        </LiveRegion>
        <FormActions onCancel={onDone} loading={add.isPending} submitLabel={t('family.link')} />
      </Stack>
    </form>
  );
}

function AdultForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const { form, add, onSubmit } = useRelationForm(
    AdultRelation,
    { kind: 'adult', accompanying: false, name: '', contact: '' },
    'family.added',
    onDone,
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <SelectField
          control={form.control}
          name="relationship"
          label={t('family.relationship')}
          data={codes.options('relationship', relationships)}
          required
          allowDeselect={false}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('family.name')} error={form.formState.errors.name?.message} {...form.register('name')} />
          <TextInput
            label={t('family.contact')}
            description={t('family.contactHint')}
            error={form.formState.errors.contact?.message}
            {...form.register('contact')}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="accompanying"
          render={({ field }) => (
            <Switch
              label={t('family.accompanying')}
              description={t('family.accompanyingHint')}
              checked={Boolean(field.value)}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
            />
          )}
        />
        <LiveRegion>
          <ApiErrorAlert error={add.error} />
        </LiveRegion>
        <FormActions onCancel={onDone} loading={add.isPending} submitLabel={t('family.add')} />
      </Stack>
    </form>
  );
}

/** Removes a link; the reason is logged on both cases, since separation warnings rest on the links. */
function RemoveRelationButton({ relationId }: { relationId: string }) {
  const { t } = useTranslation();
  const { childId } = useCaseContext();
  const remove = useRemoveRelation(childId);
  const [reason, setReason] = useState('');
  return (
    <ConfirmButton
      size="compact-sm"
      variant="default"
      color="red"
      title={t('family.removeTitle')}
      message={
        <Stack gap="sm">
          <Text>{t('family.removeConfirm')}</Text>
          <Textarea
            label={t('family.removeReason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
        </Stack>
      }
      confirmLabel={t('family.remove')}
      confirmDisabled={reason.trim() === ''}
      loading={remove.isPending}
      onConfirm={() =>
        remove.mutate({ relationId, reason: reason.trim() }, { onSuccess: () => notifySuccess(t('family.removed')), onError: notifyError })
      }
    >
      {t('family.remove')}
    </ConfirmButton>
  );
}

/** Siblings (linked records) and related or accompanying adults; separating the child from them asks for confirmation elsewhere. */
export function RelationsSection() {
  const { t } = useTranslation();
  const codes = useCodes();
  const { view } = useCaseContext();
  const canWork = usePermission('case:work');
  const [adding, setAdding] = useState<Kind | null>(null);
  const close = () => setAdding(null);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="case-family">
      <Group justify="space-between" gap="sm" mb="sm">
        <Title order={2} size="h4" id="case-family">
          {t('family.title')}
        </Title>
        {canWork && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setAdding('child')}>
              {t('family.addSibling')}
            </Button>
            <Button variant="default" onClick={() => setAdding('adult')}>
              {t('family.addAdult')}
            </Button>
          </Group>
        )}
      </Group>
      {view.relations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('family.none')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('family.title')}>
          {view.relations.map((relation) => (
            <Paper component="li" key={relation.id} withBorder p="sm">
              <Group justify="space-between" gap="xs" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                  <Group gap={6}>
                    <Text fw={600} size="sm">
                      {codes.label('relationship', relation.relationship)}
                    </Text>
                    {relation.accompanying && (
                      <Badge size="sm" variant="light" color="blue">
                        {t('family.accompanyingBadge')}
                      </Badge>
                    )}
                  </Group>
                  {relation.kind === 'child' && relation.relatedChildId ? (
                    <Anchor component={Link} to={`/children/${relation.relatedChildId}`} size="sm" className="mono">
                      {relation.relatedReference ?? relation.relatedChildId}
                    </Anchor>
                  ) : (
                    <Text size="sm">
                      {relation.name === undefined ? t('children.nameRestricted') : relation.name || t('children.nameNotRecorded')}
                      {relation.contact ? ` · ${relation.contact}` : ''}
                    </Text>
                  )}
                </Stack>
                {canWork && <RemoveRelationButton relationId={relation.id} />}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <FormModal opened={adding !== null} onClose={close} title={adding === 'child' ? t('family.addSibling') : t('family.addAdult')}>
        {adding === 'child' && <SiblingForm onDone={close} />}
        {adding === 'adult' && <AdultForm onDone={close} />}
      </FormModal>
    </Card>
  );
}

import { needsDomains, planActionStatuses, serviceTypes } from '@haven/domain';
import { ActionIcon, Alert, Button, Fieldset, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PlusIcon, TrashIcon } from '../../../../components/icons.tsx';
import { SelectField } from '../../../../forms/fields.tsx';
import { useCodes } from '../../../codes/useCodes.ts';
import { useAssignees } from '../../api.ts';
import { ChildViewsField } from '../../inputs/ChildViewsInput.tsx';
import { useCaseContext } from '../../page/CaseContext.tsx';
import { ActionFormShell } from '../ActionFormShell.tsx';
import { type CaseActionForm, useCaseAction } from '../useCaseAction.ts';
import { currentPlan, inDays, newGoalId, planDraft } from './casePlan.ts';
import type { ActionFormProps } from './types.ts';

type PlanForm = CaseActionForm<'case_plan_recorded'>['form'];

function GoalsEditor({ form }: { form: PlanForm }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const goals = useFieldArray({ control: form.control, name: 'goals' });
  return (
    <Fieldset legend={t('plan.goals')}>
      <Stack gap="sm">
        {goals.fields.map((goal, index) => (
          <Paper key={goal.id} withBorder p="sm">
            <Group align="flex-start" wrap="nowrap" gap="xs">
              <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
                <SelectField
                  control={form.control}
                  name={`goals.${index}.domain`}
                  label={t('plan.domain')}
                  data={codes.options('needsDomain', needsDomains)}
                  allowDeselect={false}
                  required
                  maw={360}
                />
                <Textarea
                  label={t('plan.goal', { number: index + 1 })}
                  required
                  autosize
                  minRows={1}
                  error={form.formState.errors.goals?.[index]?.description?.message}
                  {...form.register(`goals.${index}.description`)}
                />
              </Stack>
              <ActionIcon
                variant="subtle"
                color="gray.7"
                mt={24}
                aria-label={t('plan.removeGoal', { number: index + 1 })}
                onClick={() => goals.remove(index)}
                disabled={goals.fields.length === 1}
              >
                <TrashIcon />
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          leftSection={<PlusIcon />}
          onClick={() => goals.append({ id: newGoalId(), domain: 'safety_protection', description: '' })}
        >
          {t('plan.addGoal')}
        </Button>
      </Stack>
    </Fieldset>
  );
}

function ActionsEditor({ form }: { form: PlanForm }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const assignees = useAssignees();
  const actions = useFieldArray({ control: form.control, name: 'actions' });
  const goals = useWatch({ control: form.control, name: 'goals' }) ?? [];
  const goalOptions = goals
    .filter((goal) => goal?.id)
    .map((goal, index) => ({
      value: goal?.id ?? '',
      label: `${index + 1}. ${goal?.domain ? codes.label('needsDomain', goal.domain) : ''}${goal?.description ? ` — ${goal.description.slice(0, 40)}` : ''}`,
    }));
  return (
    <Fieldset legend={t('plan.actions')}>
      <Stack gap="sm">
        {actions.fields.map((item, index) => {
          const errors = form.formState.errors.actions?.[index];
          return (
            <Paper key={item.id} withBorder p="sm">
              <Group justify="space-between" mb={4}>
                <Text size="sm" fw={600}>
                  {t('plan.action', { number: index + 1 })}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="gray.7"
                  aria-label={t('plan.removeAction', { number: index + 1 })}
                  onClick={() => actions.remove(index)}
                  disabled={actions.fields.length === 1}
                >
                  <TrashIcon />
                </ActionIcon>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
                <SelectField
                  control={form.control}
                  name={`actions.${index}.service`}
                  label={t('plan.service')}
                  data={codes.options('serviceType', serviceTypes)}
                  searchable
                  allowDeselect={false}
                  required
                />
                <SelectField
                  control={form.control}
                  name={`actions.${index}.goalId`}
                  label={t('plan.forGoal')}
                  data={goalOptions}
                  clearable
                />
                <TextInput
                  type="date"
                  label={t('plan.dueDate')}
                  required
                  error={errors?.dueDate?.message}
                  {...form.register(`actions.${index}.dueDate`)}
                />
                <TextInput
                  label={t('plan.provider')}
                  description={t('plan.providerHint')}
                  error={errors?.provider?.message}
                  {...form.register(`actions.${index}.provider`)}
                />
                <SelectField
                  control={form.control}
                  name={`actions.${index}.responsibleUserId`}
                  label={t('plan.responsible')}
                  description={t('plan.responsibleHint')}
                  data={(assignees.data ?? []).map((user) => ({ value: user.id, label: user.displayName }))}
                  searchable
                  clearable
                />
                <SelectField
                  control={form.control}
                  name={`actions.${index}.status`}
                  label={t('plan.status')}
                  data={codes.options('planActionStatus', planActionStatuses)}
                  allowDeselect={false}
                />
              </SimpleGrid>
              <Textarea
                mt="xs"
                label={t('plan.actionDescription')}
                autosize
                minRows={1}
                error={errors?.description?.message}
                {...form.register(`actions.${index}.description`)}
              />
            </Paper>
          );
        })}
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          leftSection={<PlusIcon />}
          onClick={() =>
            actions.append({
              service: 'other',
              dueDate: inDays(14),
              status: 'planned',
              ...(goalOptions[0] ? { goalId: goalOptions[0].value } : {}),
            })
          }
        >
          {t('plan.addAction')}
        </Button>
      </Stack>
    </Fieldset>
  );
}

/** The case plan: goals by need domain, actions with service, provider, who is responsible and by when, and the child's views. Revising starts from the plan in force. */
export function CasePlanForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const { view } = useCaseContext();
  const revising = currentPlan(view) !== null;
  const action = useCaseAction('case_plan_recorded', planDraft(view), { onDone });
  return (
    <ActionFormShell action={action} onCancel={onDone} submitLabel={revising ? t('plan.saveRevision') : t('plan.save')}>
      <Alert variant="light" color="blue">
        {revising ? t('plan.revisingHint') : t('plan.newHint')}
      </Alert>
      <GoalsEditor form={action.form} />
      <ActionsEditor form={action.form} />
      <ChildViewsField control={action.form.control} />
    </ActionFormShell>
  );
}

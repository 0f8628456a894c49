import { FieldGroup, type FieldRules, RoleInput } from '@haven/domain';
import { z } from 'zod';

/** How the form holds a field rule: '' stands for "no restriction" (no key in `fieldRules`). */
export const fieldRuleChoices = ['', 'read', 'hidden'] as const;

/** The domain's RoleInput, with the field-rule selects' "no restriction" choice dropped on the way out. */
export const RoleFormSchema = RoleInput.extend({
  fieldRules: z
    .partialRecord(FieldGroup, z.enum(fieldRuleChoices).optional())
    .transform(
      (rules): FieldRules => Object.fromEntries(Object.entries(rules).filter(([, access]) => access === 'read' || access === 'hidden')),
    ),
});
export type RoleFormValues = z.input<typeof RoleFormSchema>;
export type RolePayload = z.output<typeof RoleFormSchema>;

import { CaseActionInput, type CaseActionType } from '@haven/domain';
import type { z } from 'zod';

export type ActionOf<T extends CaseActionType> = Extract<CaseActionInput, { type: T }>;
export type ActionInputOf<T extends CaseActionType> = Extract<z.input<typeof CaseActionInput>, { type: T }>;

/** The domain's schema of one kind of action (a member of the CaseActionInput union). */
export function actionSchema<T extends CaseActionType>(type: T): z.ZodType<ActionOf<T>, ActionInputOf<T>> {
  const option = CaseActionInput.options.find((candidate) => candidate.shape.type.value === type);
  if (!option) throw new Error(`unknown case action ${type}`);
  // The union member whose literal `type` is T: its types are exactly ActionOf<T> / ActionInputOf<T>.
  return option as unknown as z.ZodType<ActionOf<T>, ActionInputOf<T>>;
}

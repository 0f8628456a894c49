import type { CaseView, NeedsDomain } from '@haven/domain';
import { type ActionInputOf, type ActionOf, actionSchema } from '../actionSchema.ts';

type Plan = ActionOf<'case_plan_recorded'>;
export type PlanDraft = Omit<ActionInputOf<'case_plan_recorded'>, 'type'>;

/** The latest readable entry of a kind in the case log, parsed by the domain's schema of that action. */
export function latestRecorded<T extends 'case_plan_recorded' | 'assessment_recorded'>(view: CaseView, type: T): ActionOf<T> | null {
  const schema = actionSchema(type);
  for (const event of [...view.events].reverse()) {
    if (event.type !== type || !event.data) continue;
    const parsed = schema.safeParse({ ...event.data, type });
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** The plan in force (goals, actions with their latest status), or null when there is none the reader may see. */
export function currentPlan(view: CaseView): Plan | null {
  const plan = latestRecorded(view, 'case_plan_recorded');
  if (!plan) return null;
  const status = new Map(view.plan?.actions.map((a) => [a.id, a.status]) ?? []);
  return { ...plan, actions: plan.actions.map((a) => ({ ...a, status: (a.id && status.get(a.id)) || a.status })) };
}

/** A date `days` from today, as YYYY-MM-DD. */
export function inDays(days: number, now = new Date()): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

let counter = 0;
/** A client-chosen id for a new goal, so that actions can point to it before the plan is saved. */
export function newGoalId(): string {
  counter += 1;
  return `g${Date.now().toString(36)}${counter}`;
}

/**
 * What the plan editor starts from: the plan in force when revising (statuses as they now are),
 * else one goal per domain the assessment found a medium or high need in.
 */
export function planDraft(view: CaseView): PlanDraft {
  const plan = currentPlan(view);
  if (plan) return { goals: plan.goals, actions: plan.actions, childViews: plan.childViews };
  const assessment = latestRecorded(view, 'assessment_recorded');
  const needed = Object.entries(assessment?.needs ?? {})
    .filter(([, level]) => level === 'medium' || level === 'high')
    .map(([domain]) => domain as NeedsDomain);
  const goals = (needed.length > 0 ? needed : (['safety_protection'] as NeedsDomain[])).map((domain) => ({
    id: newGoalId(),
    domain,
    description: '',
  }));
  return {
    goals,
    actions: [{ goalId: goals[0]?.id, service: 'safe_shelter', dueDate: inDays(14), status: 'planned' }],
    childViews: { heard: true, words: '', method: 'interview', interpreterUsed: false, childPresent: true },
  };
}

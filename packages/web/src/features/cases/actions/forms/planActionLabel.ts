import type { CaseView } from '@haven/domain';
import { formatDate } from '../../../codes/format.ts';
import { currentPlan } from './casePlan.ts';

type PlanActionView = NonNullable<CaseView['plan']>['actions'][number];

export const isOpenPlanAction = (action: Pick<PlanActionView, 'status'>) => action.status === 'planned' || action.status === 'in_progress';

/** "Education — Enrol in school (due 15 Jan 2027)": a plan action as people recognise it. */
export function usePlanActionLabels(view: CaseView, serviceLabel: (service: string) => string): (action: PlanActionView) => string {
  const described = new Map((currentPlan(view)?.actions ?? []).map((a) => [a.id, a.description]));
  return (action) => {
    const description = described.get(action.id);
    return `${serviceLabel(action.service)}${description ? ` — ${description}` : ''} (${formatDate(action.dueDate)})`;
  };
}

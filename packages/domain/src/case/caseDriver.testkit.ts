import { CaseActionInput as ActionSchema, type CaseActionInput, type CaseEvent, type CaseEventData } from './actions.ts';
import { type AgeInfo, unknownAge } from './age.ts';
import { defaultCasePolicy } from './casePolicy.ts';
import { applyEvent, type CaseState, emptyCaseState } from './caseState.ts';
import { refuseAction } from './workflow.ts';

/** Test support: builds a case step by step as the repository does (used by the domain's case tests). */

export const worker = '00000000-0000-7000-8000-000000000001';
export const supervisor = '00000000-0000-7000-8000-000000000002';
export const agency = '00000000-0000-7000-8000-0000000000aa';
export const t0 = Date.parse('2026-11-01T08:00:00Z');

/** Builds a case step by step, refusing what the workflow refuses, as the repository does. */
export class CaseDriver {
  state: CaseState = emptyCaseState();
  events: CaseEvent[] = [];
  hours = 0;
  age: AgeInfo = unknownAge;
  constructor(public childAge: number | null = 14) {}
  /** When the next action happens. */
  get now() {
    return new Date(t0 + (this.hours + 1) * 3_600_000);
  }
  system(data: CaseEventData) {
    return this.append(data, null);
  }
  act(input: Record<string, unknown>, actor = worker) {
    const parsed = ActionSchema.parse(input);
    const refusal = refuseAction({
      state: this.state,
      input: parsed,
      actorUserId: actor,
      childAge: this.childAge,
      age: this.age,
      policy: defaultCasePolicy,
      now: this.now,
    });
    if (refusal) return refusal;
    this.append(parsed, actor);
    return null;
  }
  private append(data: CaseEventData | CaseActionInput, actor: string | null) {
    this.hours += 1;
    const event: CaseEvent = {
      seq: this.events.length + 1,
      at: new Date(t0 + this.hours * 3_600_000).toISOString(),
      actorUserId: actor,
      data,
    };
    this.events.push(event);
    this.state = applyEvent(this.state, event);
    return event;
  }
}

export const views = { heard: true, words: 'I want to go to school and see my brother.' };
export const registered = (mode: 'first_contact' | 'full'): CaseEventData => ({
  type: 'registered',
  mode,
  firstContactAt: new Date(t0 - 3_600_000).toISOString(),
  encounterSetting: 'border_post',
  agencyId: agency,
  assignedUserId: mode === 'full' ? worker : null,
  urgentConcern: false,
});

export function openCase(childAge: number | null = 14) {
  const c = new CaseDriver(childAge);
  c.system(registered('full'));
  return c;
}

import { z } from 'zod';

/** Don't know and refused: recorded, but missing for every identifier. */
export const missingAnswers = ['dont_know', 'refused'] as const;
export type MissingAnswer = (typeof missingAnswers)[number];

/** The four-level WG/CFM difficulty scale, from least to most severe. */
export const difficultyLevels = ['no_difficulty', 'some_difficulty', 'a_lot_of_difficulty', 'cannot_do_at_all'] as const;
export const DifficultyAnswer = z.enum([...difficultyLevels, ...missingAnswers]);
export type DifficultyAnswer = z.infer<typeof DifficultyAnswer>;

/** CFM 5–17 anxiety and depression: "How often does (name) seem very anxious / sad?" */
export const frequencyLevels = ['daily', 'weekly', 'monthly', 'few_times_a_year', 'never'] as const;
export const FrequencyAnswer = z.enum([...frequencyLevels, ...missingAnswers]);
export type FrequencyAnswer = z.infer<typeof FrequencyAnswer>;

/** CFM 2–4 behaviour: "Compared with children of the same age, how much does (name) kick, bite or hit…?" (five levels, see README). */
export const behaviourComparisonLevels = ['not_at_all', 'less', 'same', 'more', 'a_lot_more'] as const;
export const BehaviourComparisonAnswer = z.enum([...behaviourComparisonLevels, ...missingAnswers]);
export type BehaviourComparisonAnswer = z.infer<typeof BehaviourComparisonAnswer>;

/** Washington Group Short Set: six domains. */
export const WgSsAnswers = z.object({
  seeing: DifficultyAnswer,
  hearing: DifficultyAnswer,
  walking: DifficultyAnswer,
  remembering: DifficultyAnswer,
  selfCare: DifficultyAnswer,
  communicating: DifficultyAnswer,
});
export type WgSsAnswers = z.infer<typeof WgSsAnswers>;
export type WgSsDomain = keyof WgSsAnswers;
export const wgSsDomains = WgSsAnswers.keyof().options;

/**
 * UNICEF/WG Child Functioning Module, children aged 2–4 (mother or primary caregiver responds).
 * Seeing, hearing and walking hold the concluding answer of each branch (with glasses or hearing aid if used;
 * the most severe walking answer if several were asked).
 */
export const Cfm2to4Answers = z.object({
  seeing: DifficultyAnswer,
  hearing: DifficultyAnswer,
  walking: DifficultyAnswer,
  fineMotor: DifficultyAnswer,
  communicationUnderstanding: DifficultyAnswer,
  communicationBeingUnderstood: DifficultyAnswer,
  learning: DifficultyAnswer,
  playing: DifficultyAnswer,
  controllingBehaviour: BehaviourComparisonAnswer,
});
export type Cfm2to4Answers = z.infer<typeof Cfm2to4Answers>;
export type Cfm2to4Domain = keyof Cfm2to4Answers;
export const cfm2to4Domains = Cfm2to4Answers.keyof().options;

/** UNICEF/WG Child Functioning Module, children aged 5–17; walking folds the 100 m and 500 m items into one answer (the most severe). */
export const Cfm5to17Answers = z.object({
  seeing: DifficultyAnswer,
  hearing: DifficultyAnswer,
  walking: DifficultyAnswer,
  selfCare: DifficultyAnswer,
  communicationInsideHousehold: DifficultyAnswer,
  communicationOutsideHousehold: DifficultyAnswer,
  learning: DifficultyAnswer,
  remembering: DifficultyAnswer,
  concentrating: DifficultyAnswer,
  acceptingChange: DifficultyAnswer,
  controllingBehaviour: DifficultyAnswer,
  makingFriends: DifficultyAnswer,
  anxiety: FrequencyAnswer,
  depression: FrequencyAnswer,
});
export type Cfm5to17Answers = z.infer<typeof Cfm5to17Answers>;
export type Cfm5to17Domain = keyof Cfm5to17Answers;
export const cfm5to17Domains = Cfm5to17Answers.keyof().options;

export const disabilityInstruments = ['WG-SS', 'CFM-2-4', 'CFM-5-17'] as const;
export type DisabilityInstrument = (typeof disabilityInstruments)[number];

export const DisabilityScreening = z.discriminatedUnion('instrument', [
  z.object({ instrument: z.literal('WG-SS'), answers: WgSsAnswers }),
  z.object({ instrument: z.literal('CFM-2-4'), answers: Cfm2to4Answers }),
  z.object({ instrument: z.literal('CFM-5-17'), answers: Cfm5to17Answers }),
]);
export type DisabilityScreening = z.infer<typeof DisabilityScreening>;
export type CfmScreening = Extract<DisabilityScreening, { instrument: 'CFM-2-4' | 'CFM-5-17' }>;

export function isMissingAnswer(answer: string): answer is MissingAnswer {
  return (missingAnswers as readonly string[]).includes(answer);
}

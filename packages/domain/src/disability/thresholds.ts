import type { Cfm2to4Answers, Cfm5to17Answers, DisabilityInstrument, MissingAnswer } from './answers.ts';

/** For each domain, the answers that identify a functional difficulty; an empty list leaves the domain out. */
export type CfmDomainThresholds<Answers> = { readonly [Domain in keyof Answers]: readonly Exclude<Answers[Domain], MissingAnswer>[] };

export interface CfmThresholds {
  /** False until the values are checked against the primary source (standards.md tag [R]). */
  readonly verified: boolean;
  readonly source: string;
  readonly cfm2to4: CfmDomainThresholds<Cfm2to4Answers>;
  readonly cfm5to17: CfmDomainThresholds<Cfm5to17Answers>;
}

const severe = ['a_lot_of_difficulty', 'cannot_do_at_all'] as const;

/** CFM cut-offs as commonly cited (standards.md §7.4, [R]); configuration, not code, until verified. */
export const defaultCfmThresholds: CfmThresholds = {
  verified: false,
  source: 'UNICEF/Washington Group Child Functioning Module analysis guidance, as cited in standards.md §7.4 [R]',
  cfm2to4: {
    seeing: severe,
    hearing: severe,
    walking: severe,
    fineMotor: severe,
    communicationUnderstanding: severe,
    communicationBeingUnderstood: severe,
    learning: severe,
    playing: severe,
    controllingBehaviour: ['a_lot_more'],
  },
  cfm5to17: {
    seeing: severe,
    hearing: severe,
    walking: severe,
    selfCare: severe,
    communicationInsideHousehold: severe,
    communicationOutsideHousehold: severe,
    learning: severe,
    remembering: severe,
    concentrating: severe,
    acceptingChange: severe,
    controllingBehaviour: severe,
    makingFriends: severe,
    anxiety: ['daily'],
    depression: ['daily'],
  },
};

/** Ages (in years) each instrument is designed for: `minYears` ≤ age < `belowYears`. */
export interface InstrumentAgeRange {
  readonly minYears: number;
  readonly belowYears: number | null;
}

export const instrumentAgeRanges: Readonly<Record<DisabilityInstrument, InstrumentAgeRange>> = {
  'WG-SS': { minYears: 5, belowYears: null },
  'CFM-2-4': { minYears: 2, belowYears: 5 },
  'CFM-5-17': { minYears: 5, belowYears: 18 },
};

/** Below this age the CFM, not the WG-SS, is the instrument for children (standards.md §7.4). */
export const cfmBelowYears = 18;

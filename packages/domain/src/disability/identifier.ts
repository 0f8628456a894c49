import type { DisabilityInstrument, DisabilityScreening } from './answers.ts';
import { type CfmOptions, cfmIdentifier } from './cfm.ts';
import { cfmBelowYears, type InstrumentAgeRange, instrumentAgeRanges } from './thresholds.ts';
import { wgSsIdentifiers, wgSsSevereDomains } from './wgSs.ts';

/** Stable codes; the UI translates them. */
export const disabilityWarnings = [
  /** No age given: the instrument's fit was not checked. */
  'age_unknown',
  /** The instrument is not designed for this age (WG-SS under 5, CFM-2-4 outside 2–4, CFM-5-17 outside 5–17). */
  'instrument_age_mismatch',
  /** WG-SS used for a child aged 5–17: the standard asks for the CFM 5–17. */
  'cfm_recommended_for_child',
] as const;
export type DisabilityWarning = (typeof disabilityWarnings)[number];

export interface DisabilityIdentifierResult {
  instrument: DisabilityInstrument;
  /** WG-SS: DISABILITY3, the WG-recommended cut-off. CFM: any domain at its cut-off. */
  identifier: 'DISABILITY3' | 'CFM';
  hasDisability: boolean | null;
  domainsWithDifficulty: string[];
  missing: number;
  warnings: DisabilityWarning[];
}

function inRange(ageYears: number, range: InstrumentAgeRange): boolean {
  return ageYears >= range.minYears && (range.belowYears === null || ageYears < range.belowYears);
}

/** The instrument for a child or adult of this age; null under 2, where neither applies. */
export function instrumentForAge(ageYears: number): DisabilityInstrument | null {
  if (ageYears >= cfmBelowYears) return 'WG-SS';
  const cfm = (['CFM-2-4', 'CFM-5-17'] as const).find((instrument) => inRange(ageYears, instrumentAgeRanges[instrument]));
  return cfm ?? null;
}

function ageWarnings(instrument: DisabilityInstrument, ageYears: number | null | undefined): DisabilityWarning[] {
  if (ageYears === null || ageYears === undefined) return ['age_unknown'];
  if (!Number.isFinite(ageYears) || ageYears < 0) throw new RangeError(`age in years must be a non-negative number, got ${ageYears}`);
  if (!inRange(ageYears, instrumentAgeRanges[instrument])) return ['instrument_age_mismatch'];
  if (instrument === 'WG-SS' && ageYears < cfmBelowYears) return ['cfm_recommended_for_child'];
  return [];
}

/** The identifier that fits the instrument, with warnings when the instrument does not fit the age. */
export function disabilityIdentifier(
  screening: DisabilityScreening,
  ageYears: number | null | undefined,
  options: CfmOptions = {},
): DisabilityIdentifierResult {
  const warnings = ageWarnings(screening.instrument, ageYears);
  if (screening.instrument === 'WG-SS') {
    const result = wgSsIdentifiers(screening.answers, options);
    return {
      instrument: screening.instrument,
      identifier: 'DISABILITY3',
      hasDisability: result.disability3,
      domainsWithDifficulty: wgSsSevereDomains(screening.answers),
      missing: result.missing,
      warnings,
    };
  }
  const result = cfmIdentifier(screening, options);
  return {
    instrument: screening.instrument,
    identifier: 'CFM',
    hasDisability: result.functionalDifficulty,
    domainsWithDifficulty: result.domainsWithDifficulty,
    missing: result.missing,
    warnings,
  };
}

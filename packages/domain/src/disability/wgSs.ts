import { isMissingAnswer, type WgSsAnswers, type WgSsDomain, wgSsDomains } from './answers.ts';
import { decide, defaultMissingRule, type MissingRule } from './missing.ts';

/** WG-SS disability identifiers (WG analytic guidelines; standards.md §7.4, verified against humind). */
export interface WgSsIdentifiers {
  /** At least one domain with some difficulty or worse. */
  disability1: boolean | null;
  /** At least two domains with some difficulty, or one with a lot of difficulty or worse. */
  disability2: boolean | null;
  /** At least one domain with a lot of difficulty or cannot do at all: the WG-recommended cut-off. */
  disability3: boolean | null;
  /** At least one domain the person cannot do at all. */
  disability4: boolean | null;
  /** Domains answered don't know or refused. */
  missing: number;
}

export interface WgSsOptions {
  missingRule?: MissingRule;
}

export function wgSsIdentifiers(answers: WgSsAnswers, options: WgSsOptions = {}): WgSsIdentifiers {
  const rule = options.missingRule ?? defaultMissingRule;
  const values = wgSsDomains.map((domain) => answers[domain]);
  const missing = values.filter(isMissingAnswer).length;
  const known = values.length - missing;
  const count = (level: string) => values.filter((value) => value === level).length;
  const some = count('some_difficulty');
  const severe = count('a_lot_of_difficulty') + count('cannot_do_at_all');
  const cannot = count('cannot_do_at_all');
  return {
    disability1: decide(some + severe >= 1, known, missing, rule),
    disability2: decide(some >= 2 || severe >= 1, known, missing, rule),
    disability3: decide(severe >= 1, known, missing, rule),
    disability4: decide(cannot >= 1, known, missing, rule),
    missing,
  };
}

/** Domains that meet the DISABILITY3 cut-off: a lot of difficulty or cannot do at all. */
export function wgSsSevereDomains(answers: WgSsAnswers): WgSsDomain[] {
  return wgSsDomains.filter((domain) => answers[domain] === 'a_lot_of_difficulty' || answers[domain] === 'cannot_do_at_all');
}

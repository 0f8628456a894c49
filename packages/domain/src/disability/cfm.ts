import { type Cfm2to4Domain, type Cfm5to17Domain, type CfmScreening, cfm2to4Domains, cfm5to17Domains, isMissingAnswer } from './answers.ts';
import { decide, defaultMissingRule, type MissingRule } from './missing.ts';
import { type CfmThresholds, defaultCfmThresholds } from './thresholds.ts';

export type CfmDomain = Cfm2to4Domain | Cfm5to17Domain;

export interface CfmIdentifier {
  /** The child has a functional difficulty in at least one domain; null when not computable. */
  functionalDifficulty: boolean | null;
  domainsWithDifficulty: CfmDomain[];
  /** Items answered don't know or refused. */
  missing: number;
}

export interface CfmOptions {
  missingRule?: MissingRule;
  thresholds?: CfmThresholds;
}

interface Item {
  domain: CfmDomain;
  answer: string;
  cutOff: readonly string[];
}

function items(screening: CfmScreening, thresholds: CfmThresholds): Item[] {
  if (screening.instrument === 'CFM-2-4') {
    return cfm2to4Domains.map((domain) => ({ domain, answer: screening.answers[domain], cutOff: thresholds.cfm2to4[domain] }));
  }
  return cfm5to17Domains.map((domain) => ({ domain, answer: screening.answers[domain], cutOff: thresholds.cfm5to17[domain] }));
}

/** CFM identifier: any domain at its cut-off (a lot of difficulty or cannot do at all; daily anxiety or depression; 2–4 behaviour "a lot more"). */
export function cfmIdentifier(screening: CfmScreening, options: CfmOptions = {}): CfmIdentifier {
  const rule = options.missingRule ?? defaultMissingRule;
  const all = items(screening, options.thresholds ?? defaultCfmThresholds);
  // A domain with no cut-off is not part of the identifier: its missing answer cannot change the result.
  const counted = all.filter((item) => item.cutOff.length > 0);
  const domainsWithDifficulty = counted.filter((item) => item.cutOff.includes(item.answer)).map((item) => item.domain);
  const missingCounted = counted.filter((item) => isMissingAnswer(item.answer)).length;
  return {
    functionalDifficulty: decide(domainsWithDifficulty.length > 0, counted.length - missingCounted, missingCounted, rule),
    domainsWithDifficulty,
    missing: all.filter((item) => isMissingAnswer(item.answer)).length,
  };
}

export * from './answers.ts';
export * from './cfm.ts';
export * from './identifier.ts';
export { defaultMissingRule, type MissingRule, missingRules } from './missing.ts';
export * from './thresholds.ts';
export * from './wgSs.ts';

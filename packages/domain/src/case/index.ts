export * from './actions.ts';
export * from './age.ts';
export * from './casePolicy.ts';
export * from './caseState.ts';
export * from './codes.ts';
export * from './consent.ts';
export * from './tasks.ts';
export * from './workflow.ts';

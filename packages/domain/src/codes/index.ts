export * from './countries.ts';
export * from './languages.ts';

import type { ErrorCode } from './codes.ts';

/** A failure the user can act on. `details` must never carry personal data. */
export class HavenError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    super(code);
    this.name = 'HavenError';
    this.code = code;
    this.details = details;
  }
}

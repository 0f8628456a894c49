export interface ApiIssue {
  path: string;
  message: string;
}

/** A failed API call: `message` is already localised by the server (or by us for network failures). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field-level problems of a `validation_failed` error. */
  get issues(): ApiIssue[] {
    const issues = this.details.issues;
    if (!Array.isArray(issues)) return [];
    return issues.filter(
      (issue): issue is ApiIssue =>
        typeof issue === 'object' && issue !== null && typeof issue.path === 'string' && typeof issue.message === 'string',
    );
  }

  /** The server no longer recognises our session: the UI must return to sign-in. */
  isSessionLoss(): boolean {
    return this.status === 401 && (this.code === 'unauthenticated' || this.code === 'session_expired');
  }
}

/**
 * Stable error codes returned by the API as `{ error: { code, message, details } }`.
 * The text of each code is an i18n message id (`error.<code>`), never hard-coded here.
 * The server maps every code to an HTTP status in one exhaustive table.
 */
export const errorCodes = [
  'validation_failed',
  'bad_request',
  'unauthenticated',
  'session_expired',
  'invalid_credentials',
  'account_locked',
  'account_disabled',
  'mfa_required',
  'mfa_enrolment_required',
  'mfa_invalid_code',
  'mfa_already_enabled',
  'mfa_not_enabled',
  'current_password_incorrect',
  'csrf_invalid',
  'forbidden',
  'firewall_denied',
  'purpose_not_permitted',
  'second_approval_required',
  'change_request_self_approval',
  'change_request_not_pending',
  'field_read_only',
  'filter_on_hidden_field',
  'not_found',
  'route_not_found',
  'conflict',
  'email_taken',
  'version_conflict',
  'idempotency_key_reused',
  'action_not_allowed',
  'consent_required',
  'screening_required',
  'approval_required',
  'approval_pending',
  'approval_not_pending',
  'nothing_to_approve',
  'case_plan_actions_open',
  'family_contact_review_required',
  'transfer_not_pending',
  'separation_warning',
  'invalid_assignee',
  'four_eyes_required',
  'monitoring_due',
  'safety_concern_open',
  'still_a_child',
  'age_assessment_required',
  'age_assessment_incomplete',
  'age_document_required',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'internal_error',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

import type { ErrorCode } from '@haven/domain';

/** Every error code's HTTP status. The exhaustive switch makes a new code without a status a compile error. */
export function httpStatus(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'bad_request':
    case 'current_password_incorrect':
    case 'mfa_already_enabled':
    case 'mfa_not_enabled':
      return 400;
    case 'unauthenticated':
    case 'session_expired':
    case 'invalid_credentials':
    case 'mfa_required':
    case 'mfa_invalid_code':
      return 401;
    case 'account_disabled':
    case 'mfa_enrolment_required':
    case 'csrf_invalid':
    case 'forbidden':
    case 'firewall_denied':
    case 'purpose_not_permitted':
    case 'change_request_self_approval':
    case 'field_read_only':
    case 'filter_on_hidden_field':
    case 'invalid_assignee':
    case 'four_eyes_required':
      return 403;
    case 'not_found':
    case 'route_not_found':
      return 404;
    case 'conflict':
    case 'email_taken':
    case 'version_conflict':
    case 'action_not_allowed':
    case 'consent_required':
    case 'screening_required':
    case 'approval_required':
    case 'approval_pending':
    case 'approval_not_pending':
    case 'nothing_to_approve':
    case 'case_plan_actions_open':
    case 'family_contact_review_required':
    case 'transfer_not_pending':
    case 'separation_warning':
    case 'second_approval_required':
    case 'change_request_not_pending':
    case 'monitoring_due':
    case 'safety_concern_open':
    case 'still_a_child':
    case 'age_assessment_required':
    case 'age_assessment_incomplete':
    case 'age_document_required':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'idempotency_key_reused':
      return 422;
    case 'account_locked':
      return 423;
    case 'rate_limited':
      return 429;
    case 'internal_error':
      return 500;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

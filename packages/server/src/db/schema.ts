import type { ColumnType, Generated } from 'kysely';

/** Table types of the migrated schema (kept in step with migrations/*.sql; checked by the schema test). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export interface AgencyTable {
  id: string;
  code: string;
  name: string;
  jurisdiction: string;
  active: Generated<boolean>;
  accepts_referrals: Generated<boolean>;
  kind: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamTable {
  id: string;
  agency_id: string;
  name: string;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleTable {
  id: string;
  key: string;
  name: string;
  description: Generated<string>;
  category: string;
  scope: string;
  permissions: string[];
  field_rules: Json<Record<string, string>>;
  purposes: string[];
  require_mfa: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  agency_id: string;
  role_id: string;
  jurisdiction: string;
  locale: Generated<string>;
  active: Generated<boolean>;
  mfa_secret: Json<unknown> | null;
  mfa_enabled: Generated<boolean>;
  mfa_last_step: number | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserTeamTable {
  user_id: string;
  team_id: string;
}

export interface MfaRecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface SessionTable {
  id: string;
  user_id: string;
  state: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  idle_expires_at: Date;
  absolute_expires_at: Date;
  revoked_at: Date | null;
}

export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  route: string;
  request_hash: string;
  status_code: number;
  response: Json<unknown>;
  created_at: Timestamp;
}

export interface ChildTable {
  jurisdiction: string;
  id: string;
  reference: string;
  agency_id: string;
  team_id: string | null;
  owner_user_id: string | null;
  sex: string;
  birth_year: number | null;
  nationality: string[];
  sensitive: Json<Record<string, unknown>>;
  name_index: string | null;
  version: Generated<number>;
  created_by: string;
  updated_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  status: Generated<string>;
  workflow_step: Generated<string>;
  risk_level: string | null;
  urgent: Generated<boolean>;
  next_due_at: Generated<Date>;
  typology: Generated<string[]>;
  care_status: string | null;
  stage: string | null;
  location_code: string | null;
  treated_as_child: Generated<boolean>;
  profile: ColumnType<Record<string, unknown>, string | undefined, string>;
  name_keys: Generated<string[]>;
  first_contact_at: Date | null;
  referred_at: Date | null;
  opened_at: Date | null;
  closed_at: Date | null;
  merged_into: string | null;
  pending_transfer_to: string | null;
  has_photo: Generated<boolean>;
  event_seq: Generated<number>;
}

export interface CaseEventTable {
  jurisdiction: string;
  child_id: string;
  seq: number;
  type: string;
  occurred_at: Date;
  recorded_at: Date;
  actor_user_id: string | null;
  field_group: string | null;
  data: Json<unknown>;
}

export interface CaseTaskTable {
  jurisdiction: string;
  child_id: string;
  kind: string;
  ref: Generated<string>;
  due_at: Date;
  visible_from: Date | null;
  assignee_user_id: string | null;
  for_supervisor: Generated<boolean>;
  agency_id: string;
  team_id: string | null;
  risk_level: string | null;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  jurisdiction: string | null;
  child_id: string | null;
  ref: Generated<string>;
  dedupe_key: string;
  created_at: Timestamp;
  read_at: Date | null;
}

export interface ChildRelationTable {
  id: string;
  jurisdiction: string;
  child_id: string;
  kind: string;
  related_jurisdiction: string | null;
  related_child_id: string | null;
  relationship: string;
  accompanying: Generated<boolean>;
  sensitive: Json<Record<string, unknown>>;
  created_by: string;
  created_at: Timestamp;
}

export interface ChildPhotoTable {
  jurisdiction: string;
  child_id: string;
  content_type: string;
  sealed: Buffer;
  updated_by: string;
  updated_at: Date;
}

export interface AdminAreaTable {
  code: string;
  jurisdiction: string;
  parent_code: string | null;
  level: number;
  names: Json<Record<string, string>>;
  active: Generated<boolean>;
}

export interface AuditChainTable {
  chain_id: string;
  jurisdiction: string;
  seq: number;
  head_hash: string;
  prev_hash: string;
  content_hash: string;
}

export interface AuditEventTable {
  chain_id: string;
  seq: number;
  jurisdiction: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_agency_id: string | null;
  purpose: string | null;
  action: string;
  resource: string;
  record_id: string | null;
  changed_fields: string[];
  outcome: Generated<string>;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditSealTable {
  id: Generated<number>;
  sealed_at: Date;
  heads: Json<Record<string, { seq: number; hash: string }>>;
  prev_hash: string;
  hash: string;
}

export interface SystemSettingTable {
  key: string;
  value: Json<unknown>;
  updated_at: Timestamp;
}

export interface DuplicateReviewTable {
  id: string;
  jurisdiction: string;
  child_id: string;
  other_jurisdiction: string;
  other_id: string;
  likelihood: string;
  status: Generated<string>;
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface AccessChangeRequestTable {
  id: string;
  target: string;
  target_id: string;
  patch: Json<Record<string, unknown>>;
  status: Generated<string>;
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

export interface DB {
  access_change_request: AccessChangeRequestTable;
  agency: AgencyTable;
  team: TeamTable;
  role: RoleTable;
  app_user: AppUserTable;
  user_team: UserTeamTable;
  mfa_recovery_code: MfaRecoveryCodeTable;
  session: SessionTable;
  idempotency_key: IdempotencyKeyTable;
  child: ChildTable;
  audit_chain: AuditChainTable;
  audit_event: AuditEventTable;
  audit_seal: AuditSealTable;
  system_setting: SystemSettingTable;
  case_event: CaseEventTable;
  case_task: CaseTaskTable;
  notification: NotificationTable;
  child_relation: ChildRelationTable;
  admin_area: AdminAreaTable;
  child_photo: ChildPhotoTable;
  duplicate_review: DuplicateReviewTable;
}

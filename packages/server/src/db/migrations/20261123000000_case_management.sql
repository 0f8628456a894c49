-- up
-- Case management core: the child's record becomes the case. Its history is an append-only,
-- encrypted action log (case_event); status, workflow step, risk, deadlines and tasks are
-- projections of that log, kept as indexed columns so lists and caseloads never decrypt.

ALTER TABLE agency ADD COLUMN accepts_referrals boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN agency.accepts_referrals IS 'A child protection agency that receives first-contact referrals from border officials, police and outreach workers.';

ALTER TABLE child
  ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('referred', 'open', 'closed', 'merged')),
  ADD COLUMN workflow_step text NOT NULL DEFAULT 'identification_registration' CHECK (workflow_step IN (
    'identification_registration', 'assessment', 'case_planning', 'implementation', 'follow_up_review', 'closure')),
  ADD COLUMN risk_level text CHECK (risk_level IN ('high', 'medium', 'low')),
  ADD COLUMN urgent boolean NOT NULL DEFAULT false,
  ADD COLUMN next_due_at timestamptz NOT NULL DEFAULT '9999-12-31T00:00:00Z',
  ADD COLUMN typology text[] NOT NULL DEFAULT '{}',
  ADD COLUMN care_status text,
  ADD COLUMN stage text,
  ADD COLUMN location_code text,
  ADD COLUMN treated_as_child boolean NOT NULL DEFAULT true,
  ADD COLUMN profile jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN name_keys text[] NOT NULL DEFAULT '{}',
  ADD COLUMN first_contact_at timestamptz,
  ADD COLUMN referred_at timestamptz,
  ADD COLUMN opened_at timestamptz,
  ADD COLUMN closed_at timestamptz,
  ADD COLUMN merged_into uuid,
  ADD COLUMN pending_transfer_to uuid,
  ADD COLUMN has_photo boolean NOT NULL DEFAULT false,
  ADD COLUMN event_seq integer NOT NULL DEFAULT 0;

COMMENT ON COLUMN child.owner_user_id IS 'The caseworker the case is assigned to (null: not yet assigned, e.g. a referral from first contact).';
COMMENT ON COLUMN child.next_due_at IS 'Earliest deadline of the case''s open tasks; 9999-12-31 when nothing is due. Lists sort and filter "overdue" on it.';
COMMENT ON COLUMN child.profile IS 'Non-identifying structured profile in clear: age basis and assessment, citizenship status, languages, drivers, protection categories, birth registration.';
COMMENT ON COLUMN child.name_keys IS 'Keyed hashes (HMAC-SHA256) of phonetic name keys across scripts: candidate blocking for possible duplicates without decrypting names.';
COMMENT ON COLUMN child.pending_transfer_to IS 'A caseworker a transfer waits for: they may see the case to accept or decline it.';
COMMENT ON COLUMN child.event_seq IS 'Sequence number of the newest case_event: appending takes the next one, so two concurrent writers cannot both append it.';

-- Lists read one composite index per scope: the caseworker's first page is (owner, status) by due date.
DROP INDEX child_owner_idx;
DROP INDEX child_team_idx;
DROP INDEX child_agency_idx;
CREATE INDEX child_owner_due_idx ON child (owner_user_id, status, next_due_at, id);
CREATE INDEX child_team_due_idx ON child (team_id, status, next_due_at, id);
-- The intake pool (cases no team has taken yet), which the team scope adds to a team's cases.
CREATE INDEX child_intake_idx ON child (agency_id, status, next_due_at, id) WHERE team_id IS NULL;
CREATE INDEX child_agency_due_idx ON child (agency_id, status, next_due_at, id);
CREATE INDEX child_jurisdiction_due_idx ON child (jurisdiction, status, next_due_at, id);
CREATE INDEX child_pending_transfer_idx ON child (pending_transfer_to);
CREATE INDEX child_typology_idx ON child USING gin (typology);
CREATE INDEX child_nationality_idx ON child USING gin (nationality);
CREATE INDEX child_name_keys_idx ON child USING gin (name_keys);
CREATE INDEX child_location_idx ON child (location_code text_pattern_ops);

CREATE TABLE case_event (
  jurisdiction text NOT NULL,
  child_id uuid NOT NULL,
  seq integer NOT NULL,
  type text NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  actor_user_id uuid,
  field_group text,
  data jsonb NOT NULL,
  PRIMARY KEY (jurisdiction, child_id, seq),
  FOREIGN KEY (jurisdiction, child_id) REFERENCES child (jurisdiction, id)
);
COMMENT ON TABLE case_event IS 'The case history: an append-only log of actions. data is sealed with the record''s data key (AAD child:<id>:event:<seq>); field_group names the field group a role must see to read it. occurred_at is when it happened (earlier than recorded_at when entered later, e.g. after field work offline).';

CREATE TABLE case_task (
  jurisdiction text NOT NULL,
  child_id uuid NOT NULL,
  kind text NOT NULL,
  ref text NOT NULL DEFAULT '',
  due_at timestamptz NOT NULL,
  visible_from timestamptz,
  assignee_user_id uuid,
  for_supervisor boolean NOT NULL DEFAULT false,
  agency_id uuid NOT NULL,
  team_id uuid,
  risk_level text,
  PRIMARY KEY (jurisdiction, child_id, kind, ref),
  FOREIGN KEY (jurisdiction, child_id) REFERENCES child (jurisdiction, id)
);
COMMENT ON TABLE case_task IS 'What is due on each case, derived from its log and the policy table; rewritten with every action.';
CREATE INDEX case_task_assignee_idx ON case_task (assignee_user_id, due_at);
CREATE INDEX case_task_team_idx ON case_task (team_id, for_supervisor, due_at);
CREATE INDEX case_task_agency_idx ON case_task (agency_id, for_supervisor, due_at);
CREATE INDEX case_task_due_idx ON case_task (due_at);

CREATE TABLE notification (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  kind text NOT NULL,
  jurisdiction text,
  child_id uuid,
  ref text NOT NULL DEFAULT '',
  dedupe_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  UNIQUE (user_id, dedupe_key)
);
COMMENT ON TABLE notification IS 'In-app notifications: a kind and a case reference, never child data; the text is the reader''s language.';
CREATE INDEX notification_user_idx ON notification (user_id, read_at, created_at);

CREATE TABLE child_relation (
  id uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  child_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('child', 'adult')),
  related_jurisdiction text,
  related_child_id uuid,
  relationship text NOT NULL,
  accompanying boolean NOT NULL DEFAULT false,
  sensitive jsonb NOT NULL DEFAULT '{}',
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (jurisdiction, child_id) REFERENCES child (jurisdiction, id),
  FOREIGN KEY (related_jurisdiction, related_child_id) REFERENCES child (jurisdiction, id),
  CHECK ((kind = 'child') = (related_child_id IS NOT NULL))
);
COMMENT ON TABLE child_relation IS 'Household and family links: siblings (another child record, stored in both directions) and accompanying or related adults (name and contact sealed with the child''s data key).';
CREATE INDEX child_relation_child_idx ON child_relation (child_id);
CREATE UNIQUE INDEX child_relation_pair_idx ON child_relation (child_id, related_child_id) WHERE related_child_id IS NOT NULL;

CREATE TABLE child_photo (
  jurisdiction text NOT NULL,
  child_id uuid NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  sealed bytea NOT NULL,
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (jurisdiction, child_id),
  FOREIGN KEY (jurisdiction, child_id) REFERENCES child (jurisdiction, id)
);
COMMENT ON TABLE child_photo IS 'The child''s photo, sealed with the record''s data key (12-byte IV, ciphertext, tag; AAD child:<id>:photo). Taken and kept only with consent for the photo scope.';

CREATE TABLE admin_area (
  code text PRIMARY KEY,
  jurisdiction text NOT NULL,
  parent_code text REFERENCES admin_area (code),
  level integer NOT NULL CHECK (level BETWEEN 1 AND 6),
  names jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE admin_area IS 'The configurable administrative hierarchy (ISO 3166-2 and national levels) a child''s location is recorded on. Codes nest by prefix: GR-I, GR-I-01, …';
CREATE INDEX admin_area_parent_idx ON admin_area (parent_code);

GRANT SELECT, INSERT, UPDATE, DELETE ON case_task, notification, child_relation, child_photo, admin_area TO haven_app;
GRANT SELECT, INSERT ON case_event TO haven_app;
REVOKE UPDATE, DELETE, TRUNCATE ON case_event FROM haven_app;

-- Default roles of an existing installation get the case management permissions and the new
-- field groups' restrictions; roles an administrator created are left as they are.
UPDATE role SET permissions = array(SELECT DISTINCT unnest(permissions || ARRAY['case:work']) ORDER BY 1)
  WHERE key = 'caseworker';
UPDATE role SET permissions = array(SELECT DISTINCT unnest(permissions ||
    ARRAY['case:work', 'case:approve', 'case:assign', 'case:merge', 'case:override']) ORDER BY 1)
  WHERE key IN ('supervisor', 'agency_manager');
UPDATE role SET field_rules = field_rules || '{"restricted_notes": "hidden"}'
  WHERE key IN ('service_provider', 'guardian', 'partner_agency');
UPDATE role SET field_rules = field_rules || '{"restricted_notes": "hidden", "health": "hidden"}'
  WHERE key = 'national_authority';

-- down
ALTER TABLE agency DROP COLUMN accepts_referrals;
DROP TABLE IF EXISTS admin_area, child_photo, child_relation, notification, case_task, case_event;
DROP INDEX IF EXISTS child_owner_due_idx, child_intake_idx, child_pending_transfer_idx, child_team_due_idx, child_agency_due_idx, child_jurisdiction_due_idx,
  child_typology_idx, child_nationality_idx, child_name_keys_idx, child_location_idx;
CREATE INDEX child_agency_idx ON child (agency_id, jurisdiction);
CREATE INDEX child_team_idx ON child (team_id);
CREATE INDEX child_owner_idx ON child (owner_user_id);
ALTER TABLE child
  DROP COLUMN status, DROP COLUMN workflow_step, DROP COLUMN risk_level, DROP COLUMN urgent, DROP COLUMN next_due_at,
  DROP COLUMN typology, DROP COLUMN care_status, DROP COLUMN stage, DROP COLUMN location_code,
  DROP COLUMN treated_as_child, DROP COLUMN profile, DROP COLUMN name_keys, DROP COLUMN first_contact_at,
  DROP COLUMN referred_at, DROP COLUMN opened_at, DROP COLUMN closed_at, DROP COLUMN merged_into, DROP COLUMN pending_transfer_to, DROP COLUMN has_photo, DROP COLUMN event_seq;

-- up
-- The firewall also rests on what an agency is, not only on a role's label (ADR 0015), and a change
-- that would widen an enforcement-linked actor's access to child data waits for a second administrator.
ALTER TABLE agency ADD COLUMN kind text NOT NULL DEFAULT 'other'
  CHECK (kind IN ('child_protection', 'service_provider', 'government', 'oversight', 'immigration_enforcement', 'other'));
COMMENT ON COLUMN agency.kind IS 'What the agency is. Users of an immigration_enforcement agency never see individual child data, whatever their role (the firewall). Changed only through an approved access_change_request once users belong to it.';
-- Existing agencies: one whose users hold an enforcement role is an enforcement agency; one that
-- receives referrals is child protection; the rest stay ''other'' until an administrator says.
UPDATE agency SET kind = 'immigration_enforcement'
  WHERE id IN (SELECT u.agency_id FROM app_user u JOIN role r ON r.id = u.role_id WHERE r.category = 'immigration_enforcement');
UPDATE agency SET kind = 'child_protection' WHERE kind = 'other' AND accepts_referrals;

CREATE TABLE access_change_request (
  id uuid PRIMARY KEY,
  target text NOT NULL CHECK (target IN ('role', 'agency', 'user')),
  target_id uuid NOT NULL,
  patch jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  requested_by uuid NOT NULL REFERENCES app_user (id),
  requested_at timestamptz NOT NULL,
  decided_by uuid REFERENCES app_user (id),
  decided_at timestamptz,
  CHECK (decided_by IS NULL OR decided_by <> requested_by),
  CHECK ((status = 'pending') = (decided_by IS NULL))
);
COMMENT ON TABLE access_change_request IS 'A change to a role, agency or user that one administrator may not make alone (four eyes): applied only when a different administrator approves it. The patch holds organisation data, never personal data or passwords.';
CREATE INDEX access_change_request_pending_idx ON access_change_request (requested_at) WHERE status = 'pending';

-- down
DROP TABLE access_change_request;
ALTER TABLE agency DROP COLUMN kind;

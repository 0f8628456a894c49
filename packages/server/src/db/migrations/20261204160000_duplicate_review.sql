-- up
-- A supervisor asks the supervisors who cover another record to compare it with theirs: the
-- duplicate search found it in the jurisdiction but outside the requester's scope. The row holds
-- references only, never child data; both records' jurisdictions are audited on every step.
CREATE TABLE duplicate_review (
  id uuid PRIMARY KEY,
  jurisdiction text NOT NULL,
  child_id uuid NOT NULL,
  other_jurisdiction text NOT NULL,
  other_id uuid NOT NULL,
  likelihood text NOT NULL CHECK (likelihood IN ('likely', 'possible')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'same_child', 'different_child')),
  requested_by uuid NOT NULL REFERENCES app_user (id),
  requested_at timestamptz NOT NULL,
  decided_by uuid REFERENCES app_user (id),
  decided_at timestamptz,
  FOREIGN KEY (jurisdiction, child_id) REFERENCES child (jurisdiction, id),
  FOREIGN KEY (other_jurisdiction, other_id) REFERENCES child (jurisdiction, id),
  CHECK (child_id <> other_id)
);
COMMENT ON TABLE duplicate_review IS 'Requests to compare two possible records of one child held by different scopes; references only, never child data.';
CREATE UNIQUE INDEX duplicate_review_open_pair_idx ON duplicate_review (child_id, other_id) WHERE status = 'open';
CREATE INDEX duplicate_review_other_idx ON duplicate_review (other_id);
CREATE INDEX duplicate_review_child_idx ON duplicate_review (child_id);
GRANT SELECT, INSERT, UPDATE ON duplicate_review TO haven_app;

-- down
DROP TABLE IF EXISTS duplicate_review;

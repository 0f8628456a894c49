-- up
-- Platform foundation: organisation (agencies, teams, roles, users), sessions, child records,
-- tamper-evident audit. PostgreSQL 15 subset: it also runs on PGlite (PostgreSQL 18).

CREATE TABLE agency (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  jurisdiction text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE agency IS 'An organisation using Haven: a ministry department, NGO, UN agency office. Reference data, replicated to every node when distributed.';
COMMENT ON COLUMN agency.jurisdiction IS 'ISO 3166-1/-2 code of the jurisdiction the agency works in, e.g. GR or GR-I.';

CREATE TABLE team (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES agency (id),
  name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agency_id, name)
);
COMMENT ON TABLE team IS 'A team inside an agency; the unit of the team row scope.';

CREATE TABLE role (
  id uuid PRIMARY KEY,
  key text NOT NULL UNIQUE,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  category text NOT NULL CHECK (category IN ('child_protection', 'service_provision', 'guardianship',
    'national_authority', 'oversight', 'administration', 'partner_agency', 'immigration_enforcement')),
  scope text NOT NULL CHECK (scope IN ('own', 'team', 'agency', 'jurisdiction', 'all')),
  permissions text[] NOT NULL DEFAULT '{}',
  field_rules jsonb NOT NULL DEFAULT '{}',
  purposes text[] NOT NULL,
  require_mfa boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE role IS 'Access policy as data: permissions (resource:action), row scope, field rules, purposes, MFA requirement. The category drives the immigration-enforcement firewall.';

CREATE TABLE app_user (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  display_name text NOT NULL,
  password_hash text NOT NULL,
  agency_id uuid NOT NULL REFERENCES agency (id),
  role_id uuid NOT NULL REFERENCES role (id),
  jurisdiction text NOT NULL,
  locale text NOT NULL DEFAULT 'en',
  active boolean NOT NULL DEFAULT true,
  mfa_secret jsonb,
  mfa_enabled boolean NOT NULL DEFAULT false,
  mfa_last_step bigint,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE app_user IS 'A person who signs in. password_hash is argon2id; mfa_secret is an AES-256-GCM envelope.';
CREATE INDEX app_user_agency_idx ON app_user (agency_id);

CREATE TABLE user_team (
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  team_id uuid NOT NULL REFERENCES team (id),
  PRIMARY KEY (user_id, team_id)
);
CREATE INDEX user_team_team_idx ON user_team (team_id);

CREATE TABLE mfa_recovery_code (
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);
COMMENT ON TABLE mfa_recovery_code IS 'One-time recovery codes, stored as keyed hashes.';

CREATE TABLE session (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  state text NOT NULL CHECK (state IN ('mfa_required', 'mfa_enrolment_required', 'active')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  idle_expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
COMMENT ON TABLE session IS 'Server-side sessions. id is the SHA-256 of the cookie token; the token itself is never stored.';
CREATE INDEX session_user_idx ON session (user_id);

CREATE TABLE idempotency_key (
  user_id uuid NOT NULL,
  key text NOT NULL,
  route text NOT NULL,
  request_hash text NOT NULL,
  status_code integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
COMMENT ON TABLE idempotency_key IS 'Responses to creates sent with an Idempotency-Key header, replayed when the same request is retried.';

CREATE TABLE child (
  jurisdiction text NOT NULL,
  id uuid NOT NULL,
  reference text NOT NULL,
  agency_id uuid NOT NULL REFERENCES agency (id),
  team_id uuid REFERENCES team (id),
  owner_user_id uuid REFERENCES app_user (id),
  sex text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  birth_year integer,
  nationality text[] NOT NULL DEFAULT '{}',
  sensitive jsonb NOT NULL DEFAULT '{}',
  name_index text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL,
  updated_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (jurisdiction, id),
  UNIQUE (jurisdiction, reference)
);
COMMENT ON TABLE child IS 'A child. Distributed by jurisdiction: the key leads with it. Restricted fields live encrypted in `sensitive`; columns that lists and reports filter on stay in clear.';
COMMENT ON COLUMN child.sensitive IS 'Map of field name to AES-256-GCM envelope {v,kid,iv,wiv,wdek,ct}, AAD = child:<id>:<field>.';
COMMENT ON COLUMN child.name_index IS 'Blind index (HMAC-SHA256) of the normalised full name, for exact-match search without decryption.';
CREATE INDEX child_id_idx ON child (id);
CREATE INDEX child_agency_idx ON child (agency_id, jurisdiction);
CREATE INDEX child_team_idx ON child (team_id);
CREATE INDEX child_owner_idx ON child (owner_user_id);
CREATE INDEX child_name_index_idx ON child (name_index);
CREATE INDEX child_created_idx ON child (jurisdiction, created_at, id);

-- Audit: many independent hash chains (one per jurisdiction and bucket), so concurrent writers
-- on different records do not queue behind one head row, and no chain can fork: its head row
-- is locked by the writer until commit.
CREATE TABLE audit_chain (
  chain_id text PRIMARY KEY,
  jurisdiction text NOT NULL,
  seq bigint NOT NULL,
  head_hash text NOT NULL,
  prev_hash text NOT NULL,
  content_hash text NOT NULL
);
COMMENT ON TABLE audit_chain IS 'Head of each audit hash chain: the newest event''s sequence number, link hash, predecessor and content digest. Advanced by an upsert that locks the row until commit.';

CREATE TABLE audit_event (
  chain_id text NOT NULL,
  seq bigint NOT NULL,
  jurisdiction text NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_role text,
  actor_agency_id uuid,
  purpose text,
  action text NOT NULL,
  resource text NOT NULL,
  record_id text,
  changed_fields text[] NOT NULL DEFAULT '{}',
  outcome text NOT NULL DEFAULT 'success',
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (chain_id, seq)
);
COMMENT ON TABLE audit_event IS 'Append-only audit trail: who, role, agency, purpose, action, record, changed field names (never values), when, request id. Hash-chained per chain_id.';
CREATE INDEX audit_event_record_idx ON audit_event (resource, record_id, occurred_at);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, occurred_at);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);

CREATE TABLE audit_seal (
  id bigserial PRIMARY KEY,
  sealed_at timestamptz NOT NULL,
  heads jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
COMMENT ON TABLE audit_seal IS 'Periodic, chained snapshots of every chain head, so truncating a chain (deleting its newest events) is detected.';

CREATE TABLE system_setting (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The least-privileged role the application runs as. It can never change or remove audit history.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'haven_app') THEN
    CREATE ROLE haven_app NOLOGIN;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO haven_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO haven_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO haven_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_seal FROM haven_app;
REVOKE DELETE, TRUNCATE ON audit_chain FROM haven_app;
-- The migrator's own bookkeeping is not the application's business.
REVOKE ALL ON kysely_migration, kysely_migration_lock FROM haven_app;
-- Tables that later migrations create are granted to the app role too (each audit-like table revokes explicitly).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO haven_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO haven_app;

-- down
DROP TABLE IF EXISTS system_setting, audit_seal, audit_event, audit_chain, child, idempotency_key, session,
  mfa_recovery_code, user_team, app_user, role, team, agency;

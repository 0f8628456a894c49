-- up
-- The application checks at start-up which migrations are applied, so a server or CLI command with
-- only the application login (a member of haven_app) starts without the migration lock when
-- nothing is pending. Reading the list reveals only migration names; the lock table stays closed.
GRANT SELECT ON kysely_migration TO haven_app;

-- down
REVOKE SELECT ON kysely_migration FROM haven_app;

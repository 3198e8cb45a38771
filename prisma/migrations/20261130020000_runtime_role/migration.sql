-- Two database roles (docs/decisions/014-protection-model.md). Migrations run as the owner role,
-- which owns every table; the application connects as a login role that is a member of
-- yiyang_runtime, which may read and write rows but never change the schema, and may only
-- INSERT and SELECT on the append-only tables (audit_logs, case_steps).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'yiyang_runtime') THEN
    CREATE ROLE yiyang_runtime NOLOGIN;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO yiyang_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO yiyang_runtime;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO yiyang_runtime;

-- Tables, sequences and schemas the owner creates later (every later migration) get the same
-- grants without anyone remembering: a migration that adds an append-only table revokes
-- UPDATE and DELETE on it, as below.
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO yiyang_runtime;
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO yiyang_runtime;
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO yiyang_runtime;

-- The append-only tables: the runtime role adds and reads rows, nothing else.
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_logs", "case_steps" FROM yiyang_runtime;

-- The migration history is the owner's business.
DO $$
BEGIN
  IF to_regclass('public._prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM yiyang_runtime;
  END IF;
END
$$;

-- A job queue library (pg-boss) keeps its tables in a schema of its own, which it creates and
-- migrates itself at start: the runtime role may create schemas (and owns what it creates), but
-- owns nothing in public.
DO $$
BEGIN
  EXECUTE format('GRANT CREATE ON DATABASE %I TO yiyang_runtime', current_database());
END
$$;

-- Even the owner cannot empty the append-only tables: TRUNCATE fires no DELETE trigger, so it
-- gets its own. (The test reset disables these two triggers inside its transaction.)
CREATE TRIGGER audit_logs_no_truncate
  BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_refuse_change();

CREATE TRIGGER case_steps_no_truncate
  BEFORE TRUNCATE ON "case_steps"
  FOR EACH STATEMENT EXECUTE FUNCTION case_steps_refuse_change();

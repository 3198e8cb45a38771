-- CreateEnum
CREATE TYPE "region_level" AS ENUM ('county', 'township', 'village');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('village_clerk', 'township_reviewer', 'county_approver', 'assessor', 'county_admin', 'viewer');

-- CreateTable
CREATE TABLE "regions" (
    "code" VARCHAR(12) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "level" "region_level" NOT NULL,
    "parent_code" VARCHAR(12),
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9),
    "village_code" VARCHAR(12),
    "full_name" VARCHAR(200),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "regions_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "username" VARCHAR(50) NOT NULL,
    "display_name" VARCHAR(50) NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9),
    "village_code" VARCHAR(12),
    "phone" VARCHAR(20),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "event" VARCHAR(60) NOT NULL,
    "entity_type" VARCHAR(40) NOT NULL,
    "entity_id" VARCHAR(64),
    "county_code" VARCHAR(6),
    "township_code" VARCHAR(9),
    "village_code" VARCHAR(12),
    "actor_id" UUID,
    "actor_username" VARCHAR(50) NOT NULL,
    "actor_role" VARCHAR(30) NOT NULL,
    "actor_region_code" VARCHAR(12),
    "before" JSONB,
    "after" JSONB,
    "ip" VARCHAR(64),
    "user_agent" VARCHAR(300),

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "regions_parent_code_idx" ON "regions"("parent_code");

-- CreateIndex
CREATE INDEX "regions_county_code_level_idx" ON "regions"("county_code", "level");

-- CreateIndex
CREATE INDEX "regions_township_code_idx" ON "regions"("township_code");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE INDEX "users_county_code_idx" ON "users"("county_code");

-- CreateIndex
CREATE INDEX "users_township_code_idx" ON "users"("township_code");

-- CreateIndex
CREATE INDEX "users_region_code_idx" ON "users"("region_code");

-- CreateIndex
CREATE INDEX "audit_logs_county_code_at_idx" ON "audit_logs"("county_code", "at");

-- CreateIndex
CREATE INDEX "audit_logs_entity_type_entity_id_idx" ON "audit_logs"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_logs_actor_id_at_idx" ON "audit_logs"("actor_id", "at");

-- AddForeignKey
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "regions"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Audit records are append-only: the database itself refuses to change or remove them.
CREATE FUNCTION audit_logs_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_logs_append_only
  BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_refuse_change();

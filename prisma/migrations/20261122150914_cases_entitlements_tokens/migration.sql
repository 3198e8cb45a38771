-- CreateEnum
CREATE TYPE "case_status" AS ENUM ('draft', 'verification', 'notice_pending', 'in_notice', 'township_review', 'county_approval', 'returned', 'approved', 'rejected', 'withdrawn');

-- CreateEnum
CREATE TYPE "case_channel" AS ENUM ('window', 'home_visit', 'proactive');

-- CreateEnum
CREATE TYPE "entitlement_status" AS ENUM ('active', 'stopped');

-- CreateTable
CREATE TABLE "cases" (
    "id" UUID NOT NULL,
    "case_no" VARCHAR(20) NOT NULL,
    "elder_id" UUID NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "catalogue_version_id" UUID NOT NULL,
    "catalogue_number" INTEGER NOT NULL,
    "item_code" VARCHAR(20) NOT NULL,
    "item_name" VARCHAR(60) NOT NULL,
    "delivery" VARCHAR(20) NOT NULL,
    "channel" "case_channel" NOT NULL,
    "applicant_name" VARCHAR(50) NOT NULL,
    "applicant_relation" VARCHAR(20) NOT NULL,
    "applicant_phone" VARCHAR(20),
    "status" "case_status" NOT NULL DEFAULT 'draft',
    "has_notice" BOOLEAN NOT NULL,
    "notice_days" INTEGER,
    "notice_started_on" DATE,
    "notice_ends_on" DATE,
    "notice_completed" BOOLEAN NOT NULL DEFAULT false,
    "eligible" BOOLEAN,
    "monthly_amount_fen" INTEGER,
    "one_off_amount_fen" INTEGER,
    "reasons" JSONB,
    "evaluated_on" DATE,
    "findings" VARCHAR(1000),
    "last_reason" VARCHAR(500),
    "submitted_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "decided_by" VARCHAR(50),
    "step_started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_date" DATE,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_by" VARCHAR(50) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_steps" (
    "id" BIGSERIAL NOT NULL,
    "case_id" UUID NOT NULL,
    "action" VARCHAR(20) NOT NULL,
    "from_status" "case_status",
    "to_status" "case_status" NOT NULL,
    "actor_id" UUID,
    "actor_username" VARCHAR(50) NOT NULL,
    "actor_name" VARCHAR(50) NOT NULL,
    "actor_role" VARCHAR(30) NOT NULL,
    "comment" VARCHAR(1000),
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_attachments" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "type" VARCHAR(30) NOT NULL,
    "file_name" VARCHAR(200) NOT NULL,
    "content_type" VARCHAR(100) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "uploaded_by" VARCHAR(50) NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),
    "removed_by" VARCHAR(50),

    CONSTRAINT "case_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_attachment_contents" (
    "attachment_id" UUID NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "case_attachment_contents_pkey" PRIMARY KEY ("attachment_id")
);

-- CreateTable
CREATE TABLE "case_sequences" (
    "county_code" VARCHAR(6) NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "case_sequences_pkey" PRIMARY KEY ("county_code","year")
);

-- CreateTable
CREATE TABLE "entitlements" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "elder_id" UUID NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "catalogue_version_id" UUID NOT NULL,
    "item_code" VARCHAR(20) NOT NULL,
    "item_name" VARCHAR(60) NOT NULL,
    "delivery" VARCHAR(20) NOT NULL,
    "monthly_amount_fen" INTEGER,
    "one_off_amount_fen" INTEGER,
    "start_month" VARCHAR(7) NOT NULL,
    "end_month" VARCHAR(7),
    "status" "entitlement_status" NOT NULL DEFAULT 'active',
    "stop_reason" VARCHAR(200),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "entitlements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "created_by" VARCHAR(50) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by" VARCHAR(50),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cases_case_no_key" ON "cases"("case_no");

-- CreateIndex
CREATE INDEX "cases_county_code_status_due_date_idx" ON "cases"("county_code", "status", "due_date");

-- CreateIndex
CREATE INDEX "cases_township_code_status_due_date_idx" ON "cases"("township_code", "status", "due_date");

-- CreateIndex
CREATE INDEX "cases_village_code_status_due_date_idx" ON "cases"("village_code", "status", "due_date");

-- CreateIndex
CREATE INDEX "cases_county_code_created_at_idx" ON "cases"("county_code", "created_at" DESC);

-- CreateIndex
CREATE INDEX "cases_elder_id_item_code_idx" ON "cases"("elder_id", "item_code");

-- CreateIndex
CREATE INDEX "case_steps_case_id_at_idx" ON "case_steps"("case_id", "at");

-- CreateIndex
CREATE INDEX "case_attachments_case_id_idx" ON "case_attachments"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "entitlements_case_id_key" ON "entitlements"("case_id");

-- CreateIndex
CREATE INDEX "entitlements_elder_id_status_idx" ON "entitlements"("elder_id", "status");

-- CreateIndex
CREATE INDEX "entitlements_county_code_item_code_status_idx" ON "entitlements"("county_code", "item_code", "status");

-- CreateIndex
CREATE INDEX "entitlements_township_code_status_idx" ON "entitlements"("township_code", "status");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateIndex
CREATE INDEX "api_tokens_county_code_idx" ON "api_tokens"("county_code");

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_elder_id_fkey" FOREIGN KEY ("elder_id") REFERENCES "elders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_attachment_contents" ADD CONSTRAINT "case_attachment_contents_attachment_id_fkey" FOREIGN KEY ("attachment_id") REFERENCES "case_attachments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_elder_id_fkey" FOREIGN KEY ("elder_id") REFERENCES "elders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The timeline is history: like audit_logs, case_steps rows are never changed or deleted.
CREATE FUNCTION case_steps_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_steps is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER case_steps_append_only
  BEFORE UPDATE OR DELETE ON "case_steps"
  FOR EACH STATEMENT EXECUTE FUNCTION case_steps_refuse_change();

-- At most one undecided application per elder and item (two clerks at once: one gets through).
CREATE UNIQUE INDEX "cases_one_open_per_item" ON "cases" ("elder_id", "item_code")
  WHERE "status" NOT IN ('approved', 'rejected', 'withdrawn');

-- Entitlements as dated histories (ADR 014): derived segments, manual actions, certifications,
-- review proposals (应退未退), the payment ledger, overpayments (追缴) and dated county parameters.

-- AlterEnum: a suspended entitlement (资格认证 overdue, or suspended by hand).
ALTER TYPE "entitlement_status" ADD VALUE 'suspended' BEFORE 'stopped';

-- AlterTable
ALTER TABLE "entitlements" ADD COLUMN "catalogue_number" INTEGER,
ADD COLUMN "granted_monthly_fen" INTEGER,
ADD COLUMN "granted_on" DATE,
ADD COLUMN "cert_due_on" DATE,
ADD COLUMN "segments_hash" CHAR(32),
ADD COLUMN "computed_at" TIMESTAMPTZ(3);

-- Existing entitlements: the pinned version's number, the approval date and amount from their case.
UPDATE "entitlements" e SET
  "catalogue_number" = c."catalogue_number",
  "granted_on" = (COALESCE(c."decided_at", e."created_at") AT TIME ZONE 'Asia/Shanghai')::date,
  "granted_monthly_fen" = e."monthly_amount_fen"
FROM "cases" c WHERE c."id" = e."case_id";

ALTER TABLE "entitlements" ALTER COLUMN "catalogue_number" SET NOT NULL,
ALTER COLUMN "granted_on" SET NOT NULL;

-- CreateTable
CREATE TABLE "entitlement_segments" (
    "id" BIGSERIAL NOT NULL,
    "entitlement_id" UUID NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "item_code" VARCHAR(20) NOT NULL,
    "from_month" VARCHAR(7) NOT NULL,
    "to_month" VARCHAR(7),
    "monthly_amount_fen" INTEGER NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "reasons" JSONB NOT NULL,

    CONSTRAINT "entitlement_segments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entitlement_actions" (
    "id" UUID NOT NULL,
    "entitlement_id" UUID NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "from_month" VARCHAR(7) NOT NULL,
    "amount_fen" INTEGER,
    "back_pay" BOOLEAN NOT NULL DEFAULT false,
    "reason" VARCHAR(500) NOT NULL,
    "source" VARCHAR(20) NOT NULL DEFAULT 'manual',
    "created_by" VARCHAR(50) NOT NULL,
    "created_by_name" VARCHAR(50) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "entitlement_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certifications" (
    "id" UUID NOT NULL,
    "entitlement_id" UUID NOT NULL,
    "elder_id" UUID NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "certified_on" DATE NOT NULL,
    "method" VARCHAR(20) NOT NULL,
    "note" VARCHAR(500),
    "created_by" VARCHAR(50) NOT NULL,
    "created_by_name" VARCHAR(50) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entitlement_proposals" (
    "id" UUID NOT NULL,
    "entitlement_id" UUID NOT NULL,
    "elder_id" UUID NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "item_code" VARCHAR(20) NOT NULL,
    "item_name" VARCHAR(60) NOT NULL,
    "catalogue_number" INTEGER NOT NULL,
    "from_month" VARCHAR(7) NOT NULL,
    "reasons" JSONB NOT NULL,
    "status" VARCHAR(20) NOT NULL DEFAULT 'pending',
    "decision_reason" VARCHAR(500),
    "decided_by" VARCHAR(50),
    "decided_by_name" VARCHAR(50),
    "decided_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "entitlement_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "benefit_payments" (
    "id" UUID NOT NULL,
    "entitlement_id" UUID NOT NULL,
    "elder_id" UUID NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "paid_on" DATE NOT NULL,
    "source" VARCHAR(20) NOT NULL,
    "roll_line_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "benefit_payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "overpayments" (
    "id" UUID NOT NULL,
    "entitlement_id" UUID NOT NULL,
    "elder_id" UUID NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "item_code" VARCHAR(20) NOT NULL,
    "item_name" VARCHAR(60) NOT NULL,
    "months" JSONB NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL,
    "status" VARCHAR(20) NOT NULL DEFAULT 'pending',
    "recovered_amount_fen" INTEGER,
    "recovered_on" DATE,
    "recovery_method" VARCHAR(20),
    "decision_reason" VARCHAR(500),
    "decided_by" VARCHAR(50),
    "decided_by_name" VARCHAR(50),
    "decided_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "overpayments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "county_parameter_values" (
    "id" UUID NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "value_fen" INTEGER,
    "effective_from" DATE NOT NULL,
    "note" VARCHAR(200),
    "created_by" VARCHAR(50) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "county_parameter_values_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "entitlements_village_code_status_idx" ON "entitlements"("village_code", "status");

-- CreateIndex
CREATE INDEX "entitlements_county_code_status_cert_due_on_idx" ON "entitlements"("county_code", "status", "cert_due_on");

-- CreateIndex
CREATE INDEX "entitlement_segments_entitlement_id_from_month_idx" ON "entitlement_segments"("entitlement_id", "from_month");

-- CreateIndex
CREATE INDEX "entitlement_segments_county_code_from_month_idx" ON "entitlement_segments"("county_code", "from_month");

-- CreateIndex
CREATE INDEX "entitlement_actions_entitlement_id_created_at_idx" ON "entitlement_actions"("entitlement_id", "created_at");

-- CreateIndex
CREATE INDEX "certifications_entitlement_id_certified_on_idx" ON "certifications"("entitlement_id", "certified_on");

-- CreateIndex
CREATE INDEX "entitlement_proposals_township_code_status_idx" ON "entitlement_proposals"("township_code", "status");

-- CreateIndex
CREATE INDEX "entitlement_proposals_county_code_status_idx" ON "entitlement_proposals"("county_code", "status");

-- CreateIndex
CREATE UNIQUE INDEX "entitlement_proposals_entitlement_id_catalogue_number_key" ON "entitlement_proposals"("entitlement_id", "catalogue_number");

-- CreateIndex
CREATE INDEX "benefit_payments_entitlement_id_month_idx" ON "benefit_payments"("entitlement_id", "month");

-- CreateIndex
CREATE INDEX "benefit_payments_county_code_month_idx" ON "benefit_payments"("county_code", "month");

-- CreateIndex
CREATE INDEX "overpayments_entitlement_id_idx" ON "overpayments"("entitlement_id");

-- CreateIndex
CREATE INDEX "overpayments_county_code_status_idx" ON "overpayments"("county_code", "status");

-- CreateIndex
CREATE INDEX "overpayments_township_code_status_idx" ON "overpayments"("township_code", "status");

-- CreateIndex
CREATE UNIQUE INDEX "county_parameter_values_county_code_name_effective_from_key" ON "county_parameter_values"("county_code", "name", "effective_from");

-- AddForeignKey
ALTER TABLE "entitlement_segments" ADD CONSTRAINT "entitlement_segments_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "entitlements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entitlement_actions" ADD CONSTRAINT "entitlement_actions_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "entitlements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "entitlements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entitlement_proposals" ADD CONSTRAINT "entitlement_proposals_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "entitlements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "benefit_payments" ADD CONSTRAINT "benefit_payments_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "entitlements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "overpayments" ADD CONSTRAINT "overpayments_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "entitlements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Never two grants: at most one active or suspended entitlement per elder and item. (Written
-- without naming 'suspended', which this transaction has just added and may not use yet.)
CREATE UNIQUE INDEX "entitlements_one_current_per_item" ON "entitlements" ("elder_id", "item_code")
  WHERE "status" <> 'stopped';

-- County parameters become dated: every value set so far holds from the county's first catalogue
-- version's effective date (or from 2000-01-01 where the county has none).
INSERT INTO "county_parameter_values" ("id", "county_code", "name", "value_fen", "effective_from", "note", "created_by", "created_at")
SELECT gen_random_uuid(), s."county_code", substring(s."key" FROM 7), (s."value" #>> '{}')::integer,
       COALESCE((SELECT min(v."effective_from") FROM "catalogue_versions" v
                  WHERE v."county_code" = s."county_code" AND v."status" IN ('published', 'retired')), DATE '2000-01-01'),
       '由原县级参数迁移', s."updated_by", s."updated_at"
  FROM "county_settings" s
 WHERE s."key" LIKE 'param.%' AND jsonb_typeof(s."value") = 'number';

DELETE FROM "county_settings" WHERE "key" LIKE 'param.%';

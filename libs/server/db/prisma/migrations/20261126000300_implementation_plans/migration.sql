-- CreateEnum
CREATE TYPE "PlanState" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED_BY_CITY', 'RECOMMENDED', 'RETURNED_BY_PROVINCE', 'APPROVED');

-- CreateEnum
CREATE TYPE "PlanEventKind" AS ENUM ('SUBMIT', 'RETURN', 'RECOMMEND', 'APPROVE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ExportKind" ADD VALUE 'PLAN_DATA_TABLE_XLSX';
ALTER TYPE "ExportKind" ADD VALUE 'PLAN_DOCX';

-- CreateTable
CREATE TABLE "ImplementationPlan" (
    "id" UUID NOT NULL,
    "countyId" TEXT NOT NULL,
    "batchId" UUID NOT NULL,
    "state" "PlanState" NOT NULL DEFAULT 'DRAFT',
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImplementationPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanVersion" (
    "id" UUID NOT NULL,
    "countyId" TEXT NOT NULL,
    "planId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "PlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanEvent" (
    "id" UUID NOT NULL,
    "countyId" TEXT NOT NULL,
    "planId" UUID NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "kind" "PlanEventKind" NOT NULL,
    "fromState" "PlanState" NOT NULL,
    "toState" "PlanState" NOT NULL,
    "actorId" UUID NOT NULL,
    "actorRole" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanComment" (
    "id" UUID NOT NULL,
    "countyId" TEXT NOT NULL,
    "planId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanEdit" (
    "id" UUID NOT NULL,
    "countyId" TEXT NOT NULL,
    "planId" UUID NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "changedPaths" TEXT[],
    "editorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanEdit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImplementationPlan_countyId_batchId_key" ON "ImplementationPlan"("countyId", "batchId");

-- CreateIndex
CREATE INDEX "PlanVersion_countyId_idx" ON "PlanVersion"("countyId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersion_planId_number_key" ON "PlanVersion"("planId", "number");

-- CreateIndex
CREATE INDEX "PlanEvent_planId_createdAt_idx" ON "PlanEvent"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "PlanEvent_countyId_idx" ON "PlanEvent"("countyId");

-- CreateIndex
CREATE INDEX "PlanComment_planId_versionNumber_idx" ON "PlanComment"("planId", "versionNumber");

-- CreateIndex
CREATE INDEX "PlanComment_countyId_idx" ON "PlanComment"("countyId");

-- CreateIndex
CREATE INDEX "PlanEdit_planId_createdAt_idx" ON "PlanEdit"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "PlanEdit_countyId_idx" ON "PlanEdit"("countyId");

-- AddForeignKey
ALTER TABLE "ImplementationPlan" ADD CONSTRAINT "ImplementationPlan_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImplementationPlan" ADD CONSTRAINT "ImplementationPlan_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ImplementationPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEvent" ADD CONSTRAINT "PlanEvent_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ImplementationPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEvent" ADD CONSTRAINT "PlanEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanComment" ADD CONSTRAINT "PlanComment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ImplementationPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanComment" ADD CONSTRAINT "PlanComment_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "PlanEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanComment" ADD CONSTRAINT "PlanComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEdit" ADD CONSTRAINT "PlanEdit_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ImplementationPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEdit" ADD CONSTRAINT "PlanEdit_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Nothing in a plan's history is rewritten: versions are numbered from 1, events and comments are append-only (no
-- UPDATE/DELETE is granted on them below), and a plan's current version always exists.
ALTER TABLE "PlanVersion" ADD CONSTRAINT plan_version_number_positive CHECK ("number" >= 1 AND "revision" >= 1);
ALTER TABLE "ImplementationPlan" ADD CONSTRAINT plan_current_version_positive CHECK ("currentVersion" >= 1);
ALTER TABLE "PlanComment" ADD CONSTRAINT plan_comment_body_present CHECK (length(btrim("body")) > 0 AND length("body") <= 2000);

-- Those who review a county's plan: the province (every county) and the county's own city. Reviewers (third
-- parties) and enterprises or providers review none.
CREATE FUNCTION app_reviews_county(county text) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(app_scope_kind() = 'province'
       OR (app_scope_kind() = 'city' AND county = ANY (app_county_ids())), false) $$;

-- Plans: the county writes its own; the city and the province read them, and review them: move the state, record
-- their event and comments, and on a return open the county's next version (a copy of the reviewed one).
SELECT app_protect_county_table('"ImplementationPlan"');
CREATE POLICY scope_read ON "ImplementationPlan" FOR SELECT USING (app_reads_county("countyId"));
CREATE POLICY reviewer_update ON "ImplementationPlan" FOR UPDATE
  USING (app_reviews_county("countyId")) WITH CHECK (app_reviews_county("countyId"));

SELECT app_protect_county_table('"PlanVersion"');
CREATE POLICY scope_read ON "PlanVersion" FOR SELECT USING (app_reads_county("countyId"));
CREATE POLICY reviewer_insert ON "PlanVersion" FOR INSERT WITH CHECK (app_reviews_county("countyId"));

SELECT app_protect_county_table('"PlanEvent"');
CREATE POLICY scope_read ON "PlanEvent" FOR SELECT USING (app_reads_county("countyId"));
CREATE POLICY reviewer_insert ON "PlanEvent" FOR INSERT WITH CHECK (app_reviews_county("countyId"));

SELECT app_protect_county_table('"PlanComment"');
CREATE POLICY scope_read ON "PlanComment" FOR SELECT USING (app_reads_county("countyId"));
CREATE POLICY reviewer_insert ON "PlanComment" FOR INSERT WITH CHECK (app_reviews_county("countyId"));

SELECT app_protect_county_table('"PlanEdit"');
CREATE POLICY scope_read ON "PlanEdit" FOR SELECT USING (app_reads_county("countyId"));

-- Plan documents: the city and the province may ask for a county's plan as XLSX/DOCX (the county's worker fills
-- the row in, under the county's scope). Compared as text: enum values added in this migration cannot be used in it.
CREATE POLICY reviewer_insert_plan_documents ON "ExportFile" FOR INSERT
  WITH CHECK (app_reviews_county("countyId") AND "kind"::text IN ('PLAN_DATA_TABLE_XLSX', 'PLAN_DOCX'));

GRANT SELECT, INSERT, UPDATE ON "ImplementationPlan", "PlanVersion" TO dtpilot_app;
GRANT SELECT, INSERT ON "PlanEvent", "PlanComment", "PlanEdit" TO dtpilot_app;

-- 审计记录: one record per mutation (and per refused or failed attempt), written by the API in the request's own
-- transaction. The plan's edit log (PlanEdit) becomes one case of it: its rows move here and the table goes.

-- CreateTable
CREATE TABLE "AuditRecord" (
    "id" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "username" TEXT,
    "role" "Role",
    "orgKind" TEXT,
    "orgId" TEXT,
    "countyId" TEXT,
    "procedure" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "input" JSONB NOT NULL DEFAULT '{}',
    "outcome" TEXT NOT NULL,
    "requestId" TEXT,
    "clientAddress" TEXT,

    CONSTRAINT "AuditRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditRecord_countyId_at_idx" ON "AuditRecord"("countyId", "at");

-- CreateIndex
CREATE INDEX "AuditRecord_at_idx" ON "AuditRecord"("at");

-- CreateIndex
CREATE INDEX "AuditRecord_targetType_targetId_at_idx" ON "AuditRecord"("targetType", "targetId", "at");

-- CreateIndex
CREATE INDEX "AuditRecord_actorId_at_idx" ON "AuditRecord"("actorId", "at");

-- The API bounds what it writes (libs/domain/src/audit); the database refuses anything unbounded all the same.
ALTER TABLE "AuditRecord" ADD CONSTRAINT audit_changes_bounded CHECK (
  jsonb_typeof("changes") = 'array' AND octet_length("changes"::text) <= 262144);
ALTER TABLE "AuditRecord" ADD CONSTRAINT audit_input_bounded CHECK (
  jsonb_typeof("input") = 'object' AND octet_length("input"::text) <= 16384);

-- The plan's edit log so far: which fields each save changed (the values before and after were not kept).
-- Only county teams ever wrote PlanEdit rows (its insert policy admitted the county's own scope alone).
INSERT INTO "AuditRecord" ("id", "at", "actorId", "username", "role", "orgKind", "orgId", "countyId", "procedure",
                           "targetType", "targetId", "changes", "input", "outcome")
SELECT e."id", e."createdAt", e."editorId", u."username", 'COUNTY_ADMIN', 'county', e."countyId", e."countyId",
       'plan.savePlan', 'ImplementationPlan', e."planId"::text,
       coalesce((SELECT jsonb_agg(jsonb_build_object('field', p.path, 'before', NULL, 'after', NULL) ORDER BY p.position)
                 FROM unnest(e."changedPaths") WITH ORDINALITY AS p(path, position)), '[]'::jsonb),
       jsonb_build_object('planId', e."planId", 'versionNumber', e."versionNumber", 'revision', e."revision"),
       'SUCCESS'
FROM "PlanEdit" e JOIN "User" u ON u."id" = e."editorId";

-- DropForeignKey
ALTER TABLE "PlanEdit" DROP CONSTRAINT "PlanEdit_planId_fkey";

-- DropForeignKey
ALTER TABLE "PlanEdit" DROP CONSTRAINT "PlanEdit_editorId_fkey";

-- DropTable
DROP TABLE "PlanEdit";

-- Append-only for the application: it may insert and read, never update, delete or truncate (nothing is granted
-- for those and no policy admits them). Any request may append (a sign-in has no scope yet; a city's decision on
-- a county's plan is recorded under that county). Reading: the province all records, a city those of its
-- counties, a county its own; reviewers, enterprises and providers none (their own actions are in the records
-- of the county concerned, which its overseers read).
ALTER TABLE "AuditRecord" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditRecord" FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_append ON "AuditRecord" FOR INSERT WITH CHECK (true);
CREATE POLICY audit_read ON "AuditRecord" FOR SELECT USING (
  coalesce(app_scope_kind() = 'province'
    OR (app_scope_kind() IN ('city', 'county') AND "countyId" = ANY (app_county_ids())), false));

REVOKE ALL ON "AuditRecord" FROM dtpilot_app;
GRANT SELECT, INSERT ON "AuditRecord" TO dtpilot_app;

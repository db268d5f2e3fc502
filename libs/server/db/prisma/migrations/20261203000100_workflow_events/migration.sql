-- One log for every workflow's steps (WorkflowEvent): the plan's events (PlanEvent) move here, and the roster change
-- request's request and decision (so far columns of the request) become its first events. Task books, acceptance and
-- evaluation will write the same shape. PlanEvent goes: nothing reads it after this migration, so no view is kept.

-- CreateEnum
CREATE TYPE "WorkflowSubjectKind" AS ENUM ('IMPLEMENTATION_PLAN', 'ROSTER_CHANGE_REQUEST');

-- CreateTable
CREATE TABLE "WorkflowEvent" (
    "id" UUID NOT NULL,
    "countyId" TEXT NOT NULL,
    "subjectKind" "WorkflowSubjectKind" NOT NULL,
    "subjectId" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "actorId" UUID NOT NULL,
    "actorRole" "Role" NOT NULL,
    "comment" TEXT,
    "version" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkflowEvent_subjectKind_subjectId_createdAt_idx" ON "WorkflowEvent"("subjectKind", "subjectId", "createdAt");

-- CreateIndex
CREATE INDEX "WorkflowEvent_countyId_idx" ON "WorkflowEvent"("countyId");

-- AddForeignKey
ALTER TABLE "WorkflowEvent" ADD CONSTRAINT "WorkflowEvent_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowEvent" ADD CONSTRAINT "WorkflowEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Event and state names are the workflow's own (checked by its declaration before a write); here only their form.
ALTER TABLE "WorkflowEvent" ADD CONSTRAINT workflow_event_names CHECK (
  "event" ~ '^[A-Z][A-Z_]{0,63}$' AND "toState" ~ '^[A-Z][A-Z_]{0,63}$'
  AND ("fromState" IS NULL OR "fromState" ~ '^[A-Z][A-Z_]{0,63}$'));
ALTER TABLE "WorkflowEvent" ADD CONSTRAINT workflow_event_comment_bounded CHECK (
  "comment" IS NULL OR (length(btrim("comment")) > 0 AND length("comment") <= 2000));
ALTER TABLE "WorkflowEvent" ADD CONSTRAINT workflow_event_version_positive CHECK ("version" IS NULL OR "version" >= 1);

-- The plan's events, with their ids, so its comments keep pointing at them.
INSERT INTO "WorkflowEvent" ("id", "countyId", "subjectKind", "subjectId", "event", "fromState", "toState", "actorId",
                             "actorRole", "version", "createdAt")
SELECT "id", "countyId", 'IMPLEMENTATION_PLAN', "planId", "kind"::text, "fromState"::text, "toState"::text, "actorId",
       "actorRole", "versionNumber", "createdAt"
FROM "PlanEvent";

-- Each roster change request: its request by the county, then its city's decision if it has one (only the city
-- could decide: the request's update policy admitted the city alone).
INSERT INTO "WorkflowEvent" ("id", "countyId", "subjectKind", "subjectId", "event", "fromState", "toState", "actorId",
                             "actorRole", "createdAt")
SELECT gen_random_uuid(), "countyId", 'ROSTER_CHANGE_REQUEST', "id", 'REQUEST', NULL, 'PENDING', "requestedById",
       'COUNTY_ADMIN', "createdAt"
FROM "RosterChangeRequest";
INSERT INTO "WorkflowEvent" ("id", "countyId", "subjectKind", "subjectId", "event", "fromState", "toState", "actorId",
                             "actorRole", "comment", "createdAt")
SELECT gen_random_uuid(), "countyId", 'ROSTER_CHANGE_REQUEST', "id",
       CASE "status" WHEN 'APPROVED' THEN 'APPROVE' ELSE 'REFUSE' END, 'PENDING', "status"::text, "decidedById",
       'CITY_OFFICER', nullif(btrim("decisionComment"), ''), "decidedAt"
FROM "RosterChangeRequest" WHERE "status" <> 'PENDING';

-- DropForeignKey
ALTER TABLE "PlanComment" DROP CONSTRAINT "PlanComment_eventId_fkey";

-- AddForeignKey
ALTER TABLE "PlanComment" ADD CONSTRAINT "PlanComment_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "WorkflowEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- DropForeignKey
ALTER TABLE "PlanEvent" DROP CONSTRAINT "PlanEvent_planId_fkey";

-- DropForeignKey
ALTER TABLE "PlanEvent" DROP CONSTRAINT "PlanEvent_actorId_fkey";

-- DropTable
DROP TABLE "PlanEvent";

-- DropEnum
DROP TYPE "PlanEventKind";

-- The decision is now the request's last event; its status stays as its state.
ALTER TABLE "RosterChangeRequest" DROP CONSTRAINT roster_change_decision_complete;

-- DropForeignKey
ALTER TABLE "RosterChangeRequest" DROP CONSTRAINT "RosterChangeRequest_decidedById_fkey";

-- AlterTable
ALTER TABLE "RosterChangeRequest" DROP COLUMN "decidedAt",
DROP COLUMN "decidedById",
DROP COLUMN "decisionComment";

-- The subject a workflow event names has no foreign key (it is one of several tables): the event must name a subject
-- of its own county, whoever writes it. Looked up as the owner, so the writer's row-level security cannot hide it.
-- A new workflow adds its table here.
CREATE FUNCTION app_workflow_subject_county(kind "WorkflowSubjectKind", subject uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT CASE kind
     WHEN 'IMPLEMENTATION_PLAN' THEN (SELECT p."countyId" FROM "ImplementationPlan" p WHERE p.id = subject)
     WHEN 'ROSTER_CHANGE_REQUEST' THEN (SELECT r."countyId" FROM "RosterChangeRequest" r WHERE r.id = subject)
   END $$;
REVOKE ALL ON FUNCTION app_workflow_subject_county("WorkflowSubjectKind", uuid) FROM PUBLIC;

CREATE FUNCTION app_check_workflow_event_subject() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF app_workflow_subject_county(NEW."subjectKind", NEW."subjectId") IS DISTINCT FROM NEW."countyId" THEN
    RAISE EXCEPTION 'workflow event names % % outside county %', NEW."subjectKind", NEW."subjectId", NEW."countyId"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION app_check_workflow_event_subject() FROM PUBLIC;
CREATE TRIGGER workflow_event_subject_in_county BEFORE INSERT OR UPDATE ON "WorkflowEvent"
  FOR EACH ROW EXECUTE FUNCTION app_check_workflow_event_subject();

-- Read county-wide, like the subjects. Written by the county (its submissions and requests) and by those who decide:
-- a plan's city and the province; a roster change's city alone. Append-only: nothing but SELECT and INSERT is granted.
SELECT app_protect_county_table('"WorkflowEvent"');
CREATE POLICY scope_read ON "WorkflowEvent" FOR SELECT USING (app_reads_county("countyId"));
CREATE POLICY reviewer_insert ON "WorkflowEvent" FOR INSERT WITH CHECK (
  app_reviews_county("countyId")
  AND ("subjectKind" <> 'ROSTER_CHANGE_REQUEST' OR app_scope_kind() = 'city'));

REVOKE ALL ON "WorkflowEvent" FROM dtpilot_app;
GRANT SELECT, INSERT ON "WorkflowEvent" TO dtpilot_app;

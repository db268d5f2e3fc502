-- The paged lists of 名单调整备案 and the exports (issue 11).
-- A change request's removed pilot enterprise becomes a foreign key: the list reads its name and credit code in the
-- same statement as the request (a relation), and a request can no longer name a roster entry that does not exist.
-- The request procedure already checks it is an entry of the county's roster; every existing row satisfies this.
-- RESTRICT, not SET NULL: a REMOVE or REPLACE request without its entry would break roster_change_parts_match_kind.

-- AddForeignKey
ALTER TABLE "RosterChangeRequest" ADD CONSTRAINT "RosterChangeRequest_removedPilotId_fkey" FOREIGN KEY ("removedPilotId") REFERENCES "PilotEnterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An overseer's exports are the ones it asked for (documents permissions): its page is read by requester, newest first.
-- CreateIndex
CREATE INDEX "ExportFile_requestedById_createdAt_idx" ON "ExportFile"("requestedById", "createdAt");

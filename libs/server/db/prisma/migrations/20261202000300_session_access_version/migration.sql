-- AlterTable
ALTER TABLE "User" ADD COLUMN     "accessVersion" INTEGER NOT NULL DEFAULT 1;

-- A session records the user's access version at sign-in; every request compares it with this column in the
-- statement that sets its row-level-security scope. Triggers raise it whenever what a session was granted changes,
-- so a change made by the application, the operator CLI or plain SQL ends the user's sessions alike.

-- Disabled or re-enabled, a new password, a new username.
CREATE FUNCTION user_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."disabled" IS DISTINCT FROM OLD."disabled"
     OR NEW."passwordHash" IS DISTINCT FROM OLD."passwordHash"
     OR NEW."username" IS DISTINCT FROM OLD."username" THEN
    NEW."accessVersion" := OLD."accessVersion" + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER user_access_changed BEFORE UPDATE ON "User"
  FOR EACH ROW EXECUTE FUNCTION user_access_changed();

-- A membership added, removed, or changed (role or scope).
CREATE FUNCTION membership_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "User" SET "accessVersion" = "accessVersion" + 1 WHERE "id" = OLD."userId";
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."userId" IS DISTINCT FROM OLD."userId") THEN
    UPDATE "User" SET "accessVersion" = "accessVersion" + 1 WHERE "id" = NEW."userId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER membership_access_changed AFTER INSERT OR UPDATE OR DELETE ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION membership_access_changed();

-- A reviewer's assigned counties (its scope) changed.
CREATE FUNCTION reviewer_assignment_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "User" SET "accessVersion" = "accessVersion" + 1
     WHERE "id" = (SELECT "userId" FROM "Membership" WHERE "id" = OLD."membershipId");
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."membershipId" IS DISTINCT FROM OLD."membershipId") THEN
    UPDATE "User" SET "accessVersion" = "accessVersion" + 1
     WHERE "id" = (SELECT "userId" FROM "Membership" WHERE "id" = NEW."membershipId");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER reviewer_assignment_access_changed AFTER INSERT OR UPDATE OR DELETE ON "ReviewerAssignment"
  FOR EACH ROW EXECUTE FUNCTION reviewer_assignment_access_changed();

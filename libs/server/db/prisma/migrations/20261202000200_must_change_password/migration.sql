-- An account opened with an initial password must choose its own at first sign-in (issue 9).
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;

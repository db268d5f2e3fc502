import { auditRouter } from "./modules/audit/router";
import { documentsRouter } from "./modules/documents/router";
import { enterpriseRouter } from "./modules/enterprise/router";
import { enterpriseFileRouter } from "./modules/enterprise-file/router";
import { geographyRouter } from "./modules/geography/router";
import { identityRouter } from "./modules/identity/router";
import { planRouter } from "./modules/plan/router";
import { providerRouter } from "./modules/provider/router";
import { rosterRouter } from "./modules/roster/router";
import { router } from "./kernel/trpc";

export const appRouter = router({
  auth: identityRouter,
  geography: geographyRouter,
  enterprise: enterpriseRouter,
  provider: providerRouter,
  plan: planRouter,
  roster: rosterRouter,
  enterpriseFile: enterpriseFileRouter,
  documents: documentsRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;

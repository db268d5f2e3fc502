import { router } from "../../kernel/trpc";
import { listAuditRecords } from "./list-audit-records";

export const auditRouter = router({ listAuditRecords });

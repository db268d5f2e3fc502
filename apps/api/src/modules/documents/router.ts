import { router } from "../../kernel/trpc";
import { getExport } from "./get-export";
import { listExports } from "./list-exports";

/** The generated documents of every area: each area requests its own; here they are listed and polled. */
export const documentsRouter = router({ listExports, getExport });

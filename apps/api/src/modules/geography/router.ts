import { router } from "../../kernel/trpc";
import { getCounty } from "./get-county";
import { listBatches } from "./list-batches";
import { listCounties } from "./list-counties";

export const geographyRouter = router({ listCounties, getCounty, listBatches });

import { router } from "../../kernel/trpc";
import { getEnterprise } from "./get-enterprise";
import { listEnterprises } from "./list-enterprises";

export const enterpriseRouter = router({ listEnterprises, getEnterprise });

import { router } from "../../kernel/trpc";
import { getProvider } from "./get-provider";
import { listProviders } from "./list-providers";

export const providerRouter = router({ getProvider, listProviders });

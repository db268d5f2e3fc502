import { z } from "zod";

export const getEnterpriseInput = z.object({ enterpriseId: z.uuid() }).strict();

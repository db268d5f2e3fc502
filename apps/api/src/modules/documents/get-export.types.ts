import { z } from "zod";

export const getExportInput = z.object({ exportId: z.uuid() }).strict();

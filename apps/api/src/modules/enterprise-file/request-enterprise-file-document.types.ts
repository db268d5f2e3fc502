import { z } from "zod";

export const requestEnterpriseFileDocumentInput = z.object({ pilotId: z.uuid() }).strict();

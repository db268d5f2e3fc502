import { z } from "zod";
import { exportOutput } from "../documents/get-export.types";

export const requestEnterpriseFileDocumentInput = z.object({ pilotEnterpriseId: z.uuid() }).strict();

export const requestEnterpriseFileDocumentOutput = exportOutput;

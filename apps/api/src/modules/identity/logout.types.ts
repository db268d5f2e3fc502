import { z } from "zod";

export const logoutOutput = z.object({ signedOut: z.boolean() });

import { z } from "zod";

/** Procedures without parameters still refuse unexpected ones. */
export const noInput = z.object({}).strict().optional();

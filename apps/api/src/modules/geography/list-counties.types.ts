import { CountyKind, Region } from "@dtpilot/db";
import { z } from "zod";

export const cityOutput = z.object({ code: z.string(), name: z.string(), region: z.enum(Region) });

export const listCountiesOutput = z.array(
  z.object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(CountyKind),
    city: cityOutput,
    pilots: z.array(z.object({ batchId: z.string() })),
  }),
);

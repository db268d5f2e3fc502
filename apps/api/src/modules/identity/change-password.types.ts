import { z } from "zod";

/** The password rule itself (length, common list, own names) is checked in the procedure: it needs the account. */
export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(1).max(256),
  })
  .strict()
  .refine((input) => input.currentPassword !== input.newPassword, { message: "password.reused", path: ["newPassword"] });

export const changePasswordOutput = z.object({ changed: z.boolean() });

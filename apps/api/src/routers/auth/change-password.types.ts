import { z } from "zod";

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z
      .string()
      .max(256)
      .refine((value) => value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value), { message: "password.weak" }),
  })
  .strict()
  .refine((input) => input.currentPassword !== input.newPassword, { message: "password.reused", path: ["newPassword"] });

import { z } from "zod";
import { ROLES } from "@/lib/authz/roles";
import { ZNewPassword } from "@/lib/auth/password";

// Messages are catalogue keys (messages/*/validation.json); forms translate them.
export const ZUsername = z
  .string()
  .trim()
  .min(3, { message: "validation.usernameLength" })
  .max(30, { message: "validation.usernameLength" })
  .regex(/^[a-z][a-z0-9_.-]*$/, { message: "validation.usernameChars" });

const ZDisplayName = z.string().trim().min(1, { message: "validation.required" }).max(30, { message: "validation.tooLong" });
const ZRegionCode = z.string().regex(/^\d{12}$/, { message: "validation.regionCode" });
const ZPhone = z
  .string()
  .trim()
  .regex(/^(?:(?:\+|00)86)?1[3-9]\d{9}$/, { message: "validation.mobile" })
  .or(z.literal(""))
  .transform((v) => v || null);

export const ZCreateUser = z.object({
  username: ZUsername,
  displayName: ZDisplayName,
  role: z.enum(ROLES, { message: "validation.role" }),
  regionCode: ZRegionCode,
  phone: ZPhone.optional().default(""),
  password: ZNewPassword,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z.object({
  id: z.string().uuid(),
  version: z.coerce.number().int().min(0),
  displayName: ZDisplayName,
  role: z.enum(ROLES, { message: "validation.role" }),
  regionCode: ZRegionCode,
  phone: ZPhone.optional().default(""),
});
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZResetPassword = z.object({
  id: z.string().uuid(),
  password: ZNewPassword,
});

export const ZUserId = z.object({ id: z.string().uuid() });

export const ZUserListQuery = z.object({
  q: z.string().trim().max(50).optional().default(""),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(["active", "disabled", "locked"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1).catch(1),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

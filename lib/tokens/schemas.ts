import { z } from "zod";

// Messages are catalogue keys; forms and API bodies translate them.
export const ZCreateToken = z.object({
  userId: z.string().uuid({ message: "validation.invalid" }),
  name: z.string().trim().min(1, { message: "validation.required" }).max(50, { message: "validation.tooLong" }),
});
export type TCreateToken = z.infer<typeof ZCreateToken>;

export const ZRevokeToken = z.object({ tokenId: z.string().uuid({ message: "validation.invalid" }) });
export type TRevokeToken = z.infer<typeof ZRevokeToken>;

/** `yy_` and 32 random bytes in base64url (43 characters). */
export const TOKEN_PATTERN = /^yy_[A-Za-z0-9_-]{43}$/;
/** How much of a token is kept in clear, to tell tokens apart in lists ("yy_AbC1234"). */
export const TOKEN_PREFIX_LENGTH = 10;

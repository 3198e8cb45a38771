import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "@/lib/auth/config";
import { authenticate } from "@/lib/auth/login";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import { requestMetaFrom } from "@/lib/auth/request-meta";

const ZCredentials = z.object({
  username: z.string().trim().min(1).max(50),
  password: z.string().min(1).max(200),
});

/** The sign-in failure reaches the form as `code`: invalid | disabled | locked:<ISO time>. */
class SignInFailed extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = ZCredentials.safeParse(credentials);
        if (!parsed.success) throw new SignInFailed("invalid");
        try {
          const actor = await authenticate(parsed.data.username, parsed.data.password, requestMetaFrom(request.headers));
          const { sessionVersion } = await db.user.findUniqueOrThrow({
            where: { id: actor.userId! },
            select: { sessionVersion: true },
          });
          return { id: actor.userId!, name: actor.displayName, sessionVersion };
        } catch (error) {
          if (isAppError(error)) {
            if (error.code === "ACCOUNT_LOCKED") throw new SignInFailed(`locked:${error.params?.until}`);
            if (error.code === "ACCOUNT_DISABLED") throw new SignInFailed("disabled");
            if (error.code === "INVALID_CREDENTIALS") throw new SignInFailed("invalid");
          }
          throw error;
        }
      },
    }),
  ],
});

import type { NextAuthConfig } from "next-auth";

// The part of the Auth.js configuration that needs no database: used by proxy.ts to redirect
// anonymous requests, and extended in lib/auth/auth.ts with the credentials provider.
export const SESSION_MAX_AGE_SECONDS = Number(process.env.SESSION_HOURS ?? 10) * 3600;

// The API description is public: integrators read it before they hold a token.
export const PUBLIC_PATHS = ["/login", "/api/auth", "/api/v1/openapi.json"];

export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid as string;
      session.sessionVersion = (token.sv as number) ?? 0;
      return session;
    },
  },
} satisfies NextAuthConfig;

declare module "next-auth" {
  interface Session {
    sessionVersion: number;
  }
}

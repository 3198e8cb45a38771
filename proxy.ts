import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig, PUBLIC_PATHS } from "@/lib/auth/config";

// A convenience redirect for anonymous visitors. It is not the permission check: every page,
// action and route handler resolves the actor itself (lib/auth/session.ts; for the JSON API,
// lib/entry/api.ts, which also checks Bearer tokens).
const { auth } = NextAuth(authConfig);

export default auth((request) => {
  const { pathname } = request.nextUrl;
  if (request.auth || PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    return NextResponse.next();
  }
  // Integrations send an API token instead of a session cookie; the route handler checks it.
  if (pathname.startsWith("/api/v1/") && /^Bearer\b/i.test(request.headers.get("authorization") ?? "")) {
    return NextResponse.next();
  }
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "请先登录。" } }, { status: 401 });
  }
  const login = new URL("/login", request.nextUrl);
  if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};

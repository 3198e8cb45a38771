import { buildOpenApiDocument } from "@/lib/api/openapi";

// Public (lib/auth/config.ts PUBLIC_PATHS): integrators read the description before they hold a token.
export const dynamic = "force-static";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 description of /api/v1. */
export function GET() {
  return Response.json(buildOpenApiDocument());
}

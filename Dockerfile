# Production image: type-checks and builds the app, and serves it against the PostgreSQL in
# DATABASE_URL (the runtime role), applying migrations first as the owner role
# (DATABASE_OWNER_URL; ADR 014).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm install --no-audit --no-fund
COPY . .
# An image is only built from code that type-checks: TypeScript 7 here, and `next build` checks
# again through the 6.0 API (ADR 001).
RUN npx tsc --noEmit -p tsconfig.json
RUN npx next build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0
COPY --from=build /app ./
EXPOSE 3000
# Apply pending migrations as the owner, then serve. Demo data is loaded separately:
#   docker compose run --rm app npm run cli -- db seed --demo
CMD ["sh", "-c", "DATABASE_URL=\"${DATABASE_OWNER_URL:-$DATABASE_URL}\" npx prisma migrate deploy && exec npx next start -H \"$HOST\" -p \"$PORT\""]

# Production image: builds the app and serves it against the PostgreSQL in DATABASE_URL.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npx next build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build /app ./
EXPOSE 3000
# Apply pending migrations, then serve. Demo data is loaded separately:
#   docker compose run --rm app npm run cli -- db seed --demo
CMD ["sh", "-c", "npx prisma migrate deploy && npx next start -p ${PORT}"]

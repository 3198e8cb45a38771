import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The server is stateless: sessions are JWTs, files and jobs live in PostgreSQL.
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "bcryptjs", "exceljs"],
  typescript: { ignoreBuildErrors: true }, // `npm test` runs tsc itself, once.
  experimental: {
    serverActions: { bodySizeLimit: "20mb" },
  },
};

export default withNextIntl(nextConfig);

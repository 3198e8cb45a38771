import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The server is stateless: sessions are JWTs, files and jobs live in PostgreSQL.
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "bcryptjs", "exceljs", "pg-boss"],
  experimental: {
    serverActions: { bodySizeLimit: "20mb" },
    // The proxy (proxy.ts) buffers request bodies up to this size; a case attachment may be
    // 10 MB, which with the form's multipart overhead exceeds the 10 MB default.
    proxyClientMaxBodySize: "20mb",
  },
};

export default withNextIntl(nextConfig);

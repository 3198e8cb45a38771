// Prisma CLI configuration. The CLI runs on Prisma's bundled WASM engines (nothing is
// downloaded), and migrations go through a driver adapter over TCP. See
// docs/decisions/002-embedded-database.md and ../shared/STACK.md for why it looks like this.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// Without a URL the CLI falls back to downloading a native engine, even for `generate`.
process.env.DATABASE_URL ??= "postgresql://placeholder@127.0.0.1:5432/placeholder";

// Catalog columns of type "char" (OID 18) and name (OID 19) cannot be decoded by the
// adapter (prisma/orm#27403): report them as text (OID 25).
function reportCatalogTypesAsText(res: pg.QueryResult | undefined) {
  for (const field of res?.fields ?? []) {
    if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
  }
  return res;
}

class CatalogSafeClient extends pg.Client {
  // pg.Pool#query calls client.query(config, values, callback); awaiting callers get a promise.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (err: Error | null, res: pg.QueryResult) => callback(err, reportCatalogTypesAsText(res));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    return result && typeof result.then === "function" ? result.then(reportCatalogTypesAsText) : result;
  }
}

// Host/port/user fields rather than a connection string, so that `database` can be swapped
// for the shadow database.
function poolConfig(database?: string): pg.PoolConfig {
  const url = new URL(process.env.DATABASE_URL!);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || "postgres"),
    password: decodeURIComponent(url.password || ""),
    database: database ?? decodeURIComponent(url.pathname.slice(1) || "postgres"),
    max: 1,
    Client: CatalogSafeClient as unknown as typeof pg.Client,
  };
}

async function adminQuery(sql: string) {
  const client = new pg.Client(poolConfig());
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

type TAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * The adapter runs a migration script by splitting it at every ";", which breaks function
 * bodies ($$ … $$, e.g. the audit-log trigger). Send the script whole instead: PostgreSQL's
 * simple-query protocol runs several statements in one call.
 */
function runScriptsWhole(adapter: TAdapter): TAdapter {
  adapter.executeScript = async (script: string) => {
    const client = adapter.underlyingDriver() as unknown as pg.Pool;
    await client.query(script);
  };
  return adapter;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const factory = new PrismaPg(poolConfig());
    const connect = factory.connect.bind(factory);
    factory.connect = async () => runScriptsWhole(await connect());
    // Only `migrate dev` asks for a shadow database; drop it WITH (FORCE) afterwards, since
    // the adapter's own drop runs while its pool still holds a connection.
    factory.connectToShadowDb = async () => {
      const name = `yiyang_shadow_${process.pid}`;
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await adminQuery(`CREATE DATABASE "${name}"`);
      const shadow = runScriptsWhole(await new PrismaPg(poolConfig(name)).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
      return shadow;
    };
    return factory;
  },
});

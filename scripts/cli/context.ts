import type { Command } from "commander";
import { z, ZodError } from "zod";
import { db } from "@/lib/db";
import { findRunningEmbeddedDb, startEmbeddedDb } from "../lib/embedded-db.mjs";
import { disconnectDb } from "@/lib/db";
import { isAppError, type AppError } from "@/lib/errors/app-error";
import { translator } from "@/lib/i18n/translate";
import { translateAppError } from "@/lib/entry/messages";

/** Whether the root program was given --json. */
export function wantsJson(command: Command): boolean {
  return Boolean(command.optsWithGlobals().json);
}

/** Prints a result: JSON with --json, otherwise the text form. */
export function print(command: Command, value: unknown, text: () => string): void {
  process.stdout.write(wantsJson(command) ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}

/** Prints a clear message (in Chinese) and exits non-zero. */
export function fail(error: unknown): never {
  const message =
    error instanceof ZodError
      ? error.issues.map((i) => i.message).join("；")
      : isAppError(error)
        ? appErrorText(error)
        : error instanceof Error
          ? error.message
          : String(error);
  process.stderr.write(`错误: ${message}\n`);
  process.exit(1);
}

/** An AppError as staff read it in the application: the code's message, then each field's. */
function appErrorText(error: AppError): string {
  const { message, fieldErrors } = translateAppError(translator() as never, error);
  const fields = Object.values(fieldErrors ?? {}).flat();
  return fields.length ? `${message}${fields.join("；")}` : message;
}

/**
 * Runs `body` with DATABASE_URL pointing at the database in use: the given one, the embedded
 * server a running `npm start` serves, or the embedded database opened here for the command.
 */
export async function withDatabase<T>(body: (url: string) => Promise<T>): Promise<T> {
  let stop = async () => {};
  if (!process.env.DATABASE_URL) {
    const running = findRunningEmbeddedDb();
    if (running) {
      process.env.DATABASE_URL = running;
    } else {
      const embedded = await startEmbeddedDb();
      process.env.DATABASE_URL = embedded.url;
      stop = embedded.stop;
    }
    process.env.DATABASE_POOL_MAX = "1";
  }
  try {
    return await body(process.env.DATABASE_URL!);
  } finally {
    await disconnectDb();
    await stop();
  }
}

/** --county: a 6-digit county code. */
export const ZCounty = z.string().regex(/^\d{6}$/, { message: "--county 须为 6 位县级区划代码，例如 610403" });

/** Fails with a clear message unless the database in use knows the county. */
export async function assertCounty(county: string) {
  const region = await db.region.findUnique({ where: { code: `${county}000000` }, select: { level: true } });
  if (region?.level !== "county") throw new Error(`没有区划代码为 ${county} 的县（区）`);
}

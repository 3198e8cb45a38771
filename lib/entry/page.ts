import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors/app-error";

/**
 * For pages: a record outside the caller's region, or an area the role may not use, does not
 * exist for them (404).
 */
export async function orNotFound<T>(load: Promise<T> | (() => Promise<T>)): Promise<T> {
  try {
    return await (typeof load === "function" ? load() : load);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

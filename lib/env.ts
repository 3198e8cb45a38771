import { z } from "zod";

// The validated environment. Read once; a bad value stops the process with a clear message.
const ZEnv = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL 必须是 postgresql:// 连接串" }),
  /** Connections per server process; the embedded database serves one at a time. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z.string().min(16).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** How a session lasts, in hours. */
  SESSION_HOURS: z.coerce.number().int().min(1).max(72).default(10),
  /** Whether this server process also works background jobs ("off": a separate `jobs work`). */
  JOBS_WORKER: z.enum(["on", "off"]).default("on"),
  /** Connections of the job queue per process (besides DATABASE_POOL_MAX); default 2, 1 on the embedded database. */
  JOBS_POOL_MAX: z.coerce.number().int().min(1).max(20).optional(),
  /** How often an idle worker asks for new jobs, in seconds. */
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`环境变量配置有误 (invalid environment): ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

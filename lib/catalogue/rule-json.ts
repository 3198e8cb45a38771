// The JSON textareas of the item editor: parse the text, validate it with the rule language's
// schema, and describe each problem as a message key (catalogue.json.*) with its place in the
// JSON, so that an admin reads "第 rules[1].min 处：应为整数" rather than a zod dump. Pure.
import type { z } from "zod";

export type TJsonProblem = { key: string; values: Record<string, string | number> };
export type TJsonResult<T> = { ok: true; value: T } | { ok: false; problems: TJsonProblem[] };

/** A zod path as the admin sees it: rules[1].min (or the top level). */
export function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

// The rule language's own refinements (lib/policy/rules.ts) speak English; these are their keys.
const CUSTOM_MESSAGES: Record<string, string> = {
  "an age predicate needs min or max": "ageNeedsBound",
  "min must not exceed max": "minAboveMax",
  "a circumstances predicate needs anyOf, allOf or noneOf": "circumstancesEmpty",
  "a grade range needs min or max": "gradeNeedsBound",
  "a capability predicate needs levels, min or max": "capabilityEmpty",
  "parameter names are snake_case": "paramName",
};

export function describeIssue(issue: z.core.$ZodIssue): TJsonProblem {
  const at = pathText(issue.path) || "—";
  switch (issue.code) {
    case "invalid_type":
      // zod does not keep the input unless asked; its default message names what it received.
      return { key: /received undefined$/.test(issue.message) ? "json.missing" : "json.type", values: { at, expected: issue.expected } };
    case "unrecognized_keys":
      return { key: "json.unknownKeys", values: { at, keys: issue.keys.join(", ") } };
    case "invalid_union":
      return { key: "json.unknownKind", values: { at } };
    case "invalid_value":
      return { key: "json.value", values: { at, allowed: issue.values.map((v) => JSON.stringify(v)).join(" / ") } };
    case "too_small":
      return { key: issue.origin === "array" ? "json.tooFewItems" : "json.tooSmall", values: { at, minimum: String(issue.minimum) } };
    case "too_big":
      return { key: issue.origin === "array" ? "json.tooManyItems" : "json.tooBig", values: { at, maximum: String(issue.maximum) } };
    case "invalid_format":
      return { key: "json.format", values: { at } };
    default: {
      const known = CUSTOM_MESSAGES[issue.message];
      return known ? { key: `json.${known}`, values: { at } } : { key: "json.other", values: { at, message: issue.message } };
    }
  }
}

/** Parses `text` as JSON and validates it with `schema`; at most five problems are reported. */
export function parseJsonWith<S extends z.ZodType>(text: string, schema: S): TJsonResult<z.infer<S>> {
  if (!text.trim()) return { ok: false, problems: [{ key: "json.empty", values: {} }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ key: "json.syntax", values: { detail: (error as Error).message } }] };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.slice(0, 5).map(describeIssue) };
}


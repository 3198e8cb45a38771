// Which messages reach the browser. Client components read their strings from the
// NextIntlClientProvider above them, and whatever that provider holds is serialised into every
// page's HTML. So the root layout hands client components only BASE_CLIENT_NAMESPACES (what the
// shell and the error pages use), and a page whose client components need more declares them
// with withClientMessages([…], Page) (components/i18n/client-messages.tsx). A unit test
// (lib/i18n/client-messages.test.ts) walks the imports of every page and fails, naming the page,
// the component and the namespace, when one is missing or no longer used.

/** What every page's client components get: the sidebar (nav), error boundaries, common words. */
export const BASE_CLIENT_NAMESPACES = ["common", "errors", "nav"] as const;

type TTree = { [key: string]: string | TTree };

/** The subtrees of `messages` named by dotted namespaces ("cases", "cases.bulk"), merged. */
export function pickMessages<T extends object>(messages: T, namespaces: readonly string[]): Partial<T> {
  const out: TTree = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let source: unknown = messages;
    for (const key of path) source = (source as TTree | undefined)?.[key];
    if (source === undefined) throw new Error(`No messages under "${namespace}"`);
    let target = out;
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as TTree;
    const last = path[path.length - 1];
    target[last] = typeof source === "object" && typeof target[last] === "object" ? { ...(target[last] as TTree), ...(source as TTree) } : (source as TTree);
  }
  return out as Partial<T>;
}

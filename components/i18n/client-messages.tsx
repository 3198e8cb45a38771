import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { BASE_CLIENT_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";

/**
 * The messages a page's client components may use. A client component ("use client") that calls
 * `useTranslations("ns")` gets its strings from the provider above it, and only what that provider
 * holds is sent to the browser. Every page therefore declares, where it is exported, the
 * namespaces its client components use (besides common, errors and nav, which every page has):
 *
 *   export default withClientMessages(["registry", "elders"], async function ElderPage(…) { … });
 *
 * Client components always name their namespace (`useTranslations("x")`, never
 * `useTranslations()`). lib/i18n/client-messages.test.ts walks every page's imports and says
 * what to add or remove; in e2e, a message missing in the browser fails the test.
 * ClientMessages can also wrap part of a tree by hand; providers do not nest (the inner replaces
 * the outer), so use one per page.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, [...BASE_CLIENT_NAMESPACES, ...namespaces])}>{children}</NextIntlClientProvider>;
}

/**
 * A page with the messages its client components use, declared where the page is exported:
 *
 *   export default withClientMessages(["registry", "elders"], async function ElderPage(…) { … });
 */
export function withClientMessages<P extends object>(namespaces: readonly string[], Page: (props: P) => ReactNode | Promise<ReactNode>) {
  return async function PageWithClientMessages(props: P) {
    return (
      <ClientMessages namespaces={namespaces}>
        <Page {...props} />
      </ClientMessages>
    );
  };
}

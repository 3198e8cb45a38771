import { apiHandler } from "@/lib/entry/api";
import { xlsxDownload } from "@/lib/entry/download";
import { can } from "@/lib/authz/policy";
import { requestMetaFrom } from "@/lib/auth/request-meta";
import { translator } from "@/lib/i18n/translate";
import { todayInShanghai } from "@/lib/dates";
import { ZElderListQuery } from "@/lib/elders/schemas";
import { exportElders } from "@/lib/elders/export";

/**
 * GET /elders/export?<the list page's query string>: the filtered list as .xlsx, masked unless
 * the role may reveal; audited. 404 for roles that may not export.
 */
export const GET = apiHandler(async (actor, request) => {
  if (!can(actor, "elder.export")) return new Response(null, { status: 404 });
  const query = ZElderListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const data = await exportElders(actor, requestMetaFrom(request.headers), query);
  const day = todayInShanghai().replaceAll("-", "");
  const t = translator();
  return xlsxDownload(data, `${t("elders.export.fileName")}_${day}.xlsx`, `elders-${day}.xlsx`);
});

import { apiHandler } from "@/lib/entry/api";
import { xlsxDownload } from "@/lib/entry/download";
import { can } from "@/lib/authz/policy";
import { translator } from "@/lib/i18n/translate";
import { buildImportTemplate } from "@/lib/elders/import";

/** GET /elders/import/template: the import template (.xlsx); 404 for roles that may not import. */
export const GET = apiHandler(async (actor) => {
  if (!can(actor, "elder.import")) return new Response(null, { status: 404 });
  const t = translator();
  return xlsxDownload(await buildImportTemplate(), t("elders.import.templateFileName"), "elder-import-template.xlsx");
});

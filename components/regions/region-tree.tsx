import { getTranslations } from "next-intl/server";
import type { TRegionNode } from "@/lib/regions/queries";
import { Badge } from "@/components/ui/badge";

/** The region tree with native disclosure widgets (keyboard and screen-reader friendly). */
export async function RegionTree({ roots }: { roots: TRegionNode[] }) {
  const t = await getTranslations();
  const count = (node: TRegionNode, level: TRegionNode["level"]): number =>
    node.children.reduce((n, c) => n + (c.level === level ? 1 : 0) + count(c, level), 0);

  function Row({ node }: { node: TRegionNode }) {
    return (
      <span className="flex flex-1 items-center gap-3">
        <span className="font-medium text-slate-900">{node.name}</span>
        <span className="font-mono text-xs text-slate-500">{node.code}</span>
        <Badge tone={node.level === "county" ? "blue" : node.level === "township" ? "amber" : "gray"}>
          {t(`common.regionLevel.${node.level}`)}
        </Badge>
        {node.level === "county" ? (
          <span className="text-xs text-slate-500">
            {t("regions.summary", { townships: count(node, "township"), villages: count(node, "village") })}
          </span>
        ) : null}
        {node.userCount > 0 ? (
          <span className="ml-auto text-xs text-slate-600">
            {t("regions.staff")} {t("regions.staffCount", { count: node.userCount })}
          </span>
        ) : null}
        {!node.active ? <Badge tone="red">{t("regions.inactive")}</Badge> : null}
      </span>
    );
  }

  function Node({ node, open }: { node: TRegionNode; open: boolean }) {
    if (node.children.length === 0) {
      return (
        <li className="flex items-center py-1 pl-6 pr-2" data-region={node.code}>
          <Row node={node} />
        </li>
      );
    }
    return (
      <li data-region={node.code}>
        <details open={open} className="group">
          <summary className="flex cursor-pointer items-center gap-1 rounded py-1 pr-2 hover:bg-slate-50">
            <span className="inline-block w-5 text-center text-slate-400 transition-transform group-open:rotate-90" aria-hidden="true">
              ▸
            </span>
            <Row node={node} />
          </summary>
          <ul className="ml-5 border-l border-slate-200 pl-2">
            {node.children.map((c) => (
              <Node key={c.code} node={c} open={false} />
            ))}
          </ul>
        </details>
      </li>
    );
  }

  return (
    <ul className="text-sm" data-testid="region-tree">
      {roots.map((r) => (
        <Node key={r.code} node={r} open />
      ))}
    </ul>
  );
}

import Link from "next/link";
import { Td } from "@/components/ui/table";

/** A list's first cell: the person's name (a link to their entitlement when given) over the masked ID number. */
export function ElderCell({ name, idNumberMasked, href }: { name: string; idNumberMasked: string; href?: string }) {
  return (
    <Td className="whitespace-nowrap">
      {href ? (
        <Link href={href} className="font-medium text-brand-700 hover:underline">
          {name}
        </Link>
      ) : (
        <span className="font-medium">{name}</span>
      )}
      <div className="text-xs tabular-nums text-slate-500">{idNumberMasked}</div>
    </Td>
  );
}

/** The township and village of a row. */
export function PlaceCell({ townshipName, villageName }: { townshipName: string; villageName: string }) {
  return (
    <Td className="whitespace-nowrap text-xs text-slate-600">
      {townshipName} {villageName}
    </Td>
  );
}

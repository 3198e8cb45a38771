"use client";
import { useTranslations } from "next-intl";
import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";

/** 打印: the browser's print dialog; the staff chrome and this bar are hidden when printed. */
export function PrintButton() {
  const t = useTranslations("caseDocs");
  return (
    <Button type="button" onClick={() => window.print()} data-testid="print-button">
      <Printer aria-hidden="true" />
      {t("print.print")}
    </Button>
  );
}

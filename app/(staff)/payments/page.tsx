import { redirect } from "next/navigation";

/** 待遇发放 opens on the entitlements list. */
export default function PaymentsPage() {
  redirect("/payments/entitlements");
}

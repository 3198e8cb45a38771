import type { TAction } from "@/lib/authz/policy";

// The navigation areas. An area shows only to roles that may read it; `ready: false` marks an
// area whose pages arrive with a later issue (shown, not linked).
export type TNavArea = {
  key: "home" | "elders" | "assessments" | "catalogue" | "cases" | "payments" | "visits" | "stats" | "admin";
  href: string;
  action: TAction | null;
  ready: boolean;
  children?: { key: "adminUsers" | "adminRegions" | "adminAudit" | "adminSettings" | "adminJobs"; href: string; action: TAction }[];
};

export const NAV: TNavArea[] = [
  { key: "home", href: "/", action: null, ready: true },
  { key: "elders", href: "/elders", action: "elder.read", ready: true },
  { key: "assessments", href: "/assessments", action: "assessment.read", ready: true },
  { key: "catalogue", href: "/catalogue", action: "catalogue.read", ready: true },
  { key: "cases", href: "/cases", action: "case.read", ready: true },
  { key: "payments", href: "/payments", action: "entitlement.read", ready: false },
  { key: "visits", href: "/visits", action: "visit.read", ready: false },
  { key: "stats", href: "/stats", action: "stats.read", ready: false },
  {
    key: "admin",
    href: "/admin/users",
    action: "user.read",
    ready: true,
    children: [
      { key: "adminUsers", href: "/admin/users", action: "user.read" },
      { key: "adminRegions", href: "/admin/regions", action: "region.read" },
      { key: "adminAudit", href: "/admin/audit", action: "audit.read" },
      { key: "adminSettings", href: "/admin/settings", action: "settings.manage" },
      { key: "adminJobs", href: "/jobs", action: "audit.read" },
    ],
  },
];

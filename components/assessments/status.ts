export const STATUS_TONE = { draft: "gray", submitted: "amber", confirmed: "green", superseded: "gray" } as const;
export const DUE_TONE = { overdue: "red", due_soon: "amber", not_due: "gray" } as const;

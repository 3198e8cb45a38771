// Every job kind of the application, so that the worker works them all and the status queries
// know who may read them. A new kind is one import line here (its module calls defineJob).
import "@/lib/elders/import-job";
import "@/lib/catalogue/preview-job";
import "@/lib/entitlements/recompute-job";

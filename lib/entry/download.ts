/**
 * A Content-Disposition header for a download with a Chinese file name: an ASCII `filename` for
 * old clients and the real name as `filename*` (RFC 5987/6266, UTF-8, percent-encoded).
 */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  // encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987's attr-char does not allow them.
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** An .xlsx file as a download response (never cached: it holds personal data). */
export function xlsxDownload(data: Buffer, fileName: string, asciiFallback: string): Response {
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": contentDisposition(fileName, asciiFallback),
      "Content-Length": String(data.byteLength),
      "Cache-Control": "no-store",
    },
  });
}

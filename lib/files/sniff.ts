// What a file really is, from its first bytes (magic numbers), never from its name or the
// browser's word. Uploads (case attachments, visit photos, imports) check the kind here.

export const FILE_KINDS = ["pdf", "jpeg", "png", "webp", "zip"] as const;
export type TFileKind = (typeof FILE_KINDS)[number];

/** The MIME type each kind is stored and served as. */
export const FILE_KIND_MIME: Record<TFileKind, string> = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  zip: "application/zip",
};

const startsWith = (bytes: Uint8Array, magic: readonly number[], offset = 0) =>
  bytes.byteLength >= offset + magic.length && magic.every((b, i) => bytes[offset + i] === b);

/** The kind of file the bytes are, or null when none of the known kinds. (.xlsx is a zip.) */
export function sniffFileKind(bytes: Uint8Array): TFileKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "webp"; // RIFF….WEBP
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return "zip"; // PK
  return null;
}

export const isImageKind = (kind: TFileKind | null): kind is "jpeg" | "png" | "webp" => kind === "jpeg" || kind === "png" || kind === "webp";

import { describe, expect, it } from "vitest";
import { isImageKind, sniffFileKind } from "@/lib/files/sniff";

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe("sniffFileKind", () => {
  it("tells the kinds apart by their first bytes", () => {
    expect(sniffFileKind(ascii("%PDF-1.7\n…"))).toBe("pdf");
    expect(sniffFileKind(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe("jpeg");
    expect(sniffFileKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("png");
    expect(sniffFileKind(new Uint8Array([...ascii("RIFF"), 0, 0, 0, 0, ...ascii("WEBPVP8 ")]))).toBe("webp");
    expect(sniffFileKind(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0))).toBe("zip");
  });
  it("knows nothing of names or claimed types: text, HTML, short and empty input are none", () => {
    expect(sniffFileKind(ascii("<html><script>alert(1)</script>"))).toBeNull();
    expect(sniffFileKind(ascii("姓名,身份证号\n"))).toBeNull();
    expect(sniffFileKind(ascii("RIFF\0\0\0\0WAVE"))).toBeNull();
    expect(sniffFileKind(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffFileKind(new Uint8Array())).toBeNull();
  });
  it("says which kinds are images", () => {
    expect([isImageKind("jpeg"), isImageKind("png"), isImageKind("webp"), isImageKind("pdf"), isImageKind(null)]).toEqual([true, true, true, false, false]);
  });
});

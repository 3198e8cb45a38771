import { describe, expect, it } from "vitest";
import { contentDisposition, xlsxDownload } from "@/lib/entry/download";

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the UTF-8 name percent-encoded (RFC 5987)", () => {
    expect(contentDisposition("老年人档案导入模板.xlsx", "elder-import-template.xlsx")).toBe(
      "attachment; filename=\"elder-import-template.xlsx\"; filename*=UTF-8''%E8%80%81%E5%B9%B4%E4%BA%BA%E6%A1%A3%E6%A1%88%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx",
    );
  });

  it("escapes the characters encodeURIComponent leaves but attr-char forbids, and cleans the fallback", () => {
    expect(contentDisposition("a'(b)*!.xlsx", 'x"名.xlsx')).toBe("attachment; filename=\"x__.xlsx\"; filename*=UTF-8''a%27%28b%29%2A%21.xlsx");
  });

  it("sends .xlsx bytes uncached", async () => {
    const response = xlsxDownload(Buffer.from([1, 2, 3]), "名单.xlsx", "list.xlsx");
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-length")).toBe("3");
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([1, 2, 3]);
  });
});

import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { translator } from "@/lib/i18n/translate";
import { translateAppError } from "@/lib/entry/messages";

describe("translateAppError", () => {
  const t = translator("zh-CN") as never;

  it("shows a wrong-state refusal with the labels of the state and the action", () => {
    const error = new AppError("CASE_WRONG_STATE", "approve not possible in draft", { params: { status: "draft", action: "approve" } });
    expect(translateAppError(t, error).message).toBe("该业务当前为「待受理」，不能「批准」。");
  });

  it("gives the stale-version message word for word, and translates field errors", () => {
    expect(translateAppError(t, new AppError("CASE_CONFLICT")).message).toBe("该业务已被他人处理，请刷新后重试");
    const invalid = new AppError("VALIDATION", "bad", { fieldErrors: { file: ["cases.validation.attachmentSize"], x: ["no.such.key"] } });
    expect(translateAppError(t, invalid).fieldErrors).toEqual({ file: ["文件过大，单个文件不能超过 10 MB"], x: ["no.such.key"] });
  });
});

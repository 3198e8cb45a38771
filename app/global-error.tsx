"use client";

// The last resort when the root layout itself fails: no providers are available here, so the
// text is fixed Chinese with an English line.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center" }}>
        <h1>系统出现错误</h1>
        <p>请稍后重试。事件编号：{error.digest ?? "—"}</p>
        <p style={{ color: "#64748b" }}>Something went wrong. Event id: {error.digest ?? "—"}</p>
        <button onClick={reset} style={{ marginTop: "1.5rem", padding: "0.5rem 1rem" }}>
          重试 / Retry
        </button>
      </body>
    </html>
  );
}

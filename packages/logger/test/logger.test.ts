import { describe, expect, it } from "vitest";
import { createLogger, redact, redactText } from "../src";

describe("logger", () => {
  it("writes one JSON line per call with secrets redacted", () => {
    const lines: string[] = [];
    const log = createLogger("reader", { write: (l) => lines.push(l), level: "info" });
    log.debug("hidden");
    log.info("meter configured", {
      meterId: "m1",
      key: "36C66639E48A8CA4D6BC8B282A793BBB",
      nested: { authKey: "AA" },
    });
    expect(lines).toHaveLength(1);
    const obj = JSON.parse(lines[0]!);
    expect(obj).toMatchObject({ level: "info", component: "reader", msg: "meter configured", meterId: "m1" });
    expect(obj.key).toBe("[redacted]");
    expect(obj.nested.authKey).toBe("[redacted]");
    expect(lines[0]).not.toContain("36C66639");
  });

  it("redacts SAS tokens and shared access keys inside text", () => {
    const s = redactText(
      "HostName=h;DeviceId=d;SharedAccessKey=abc123==;x SharedAccessSignature sr=a&sig=zz&se=1",
    );
    expect(s).not.toContain("abc123");
    expect(s).not.toContain("sig=zz");
    expect(redact({ meterId: "m", password: "p" })).toEqual({ meterId: "m", password: "[redacted]" });
  });
});

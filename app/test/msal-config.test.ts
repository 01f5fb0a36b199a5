import { describe, expect, it } from "vitest";
import { AuthConfigError, msalSettings } from "../src/lib/msal-config";

const PAGE = "http://127.0.0.1:5173/index.html?x=1#/live";

describe("msal settings", () => {
  it("keeps Entra ID authorities in MSAL's default protocol mode", () => {
    const s = msalSettings(
      {
        mode: "msal",
        clientId: "c1",
        authority: "https://login.microsoftonline.com/tenant-1",
        scopes: ["api://x/.default"],
      },
      PAGE,
    );
    expect(s).toMatchObject({
      clientId: "c1",
      protocolMode: "AAD",
      knownAuthorities: [],
      redirectUri: "http://127.0.0.1:5173/index.html",
      scopes: ["api://x/.default"],
      loginPrompt: undefined,
    });
    expect(msalSettings({ mode: "msal", clientId: "c1" }, PAGE).authority).toBe(
      "https://login.microsoftonline.com/common",
    );
    expect(
      msalSettings({ mode: "msal", clientId: "c", authority: "https://x.ciamlogin.com/t" }, PAGE)
        .protocolMode,
    ).toBe("AAD");
  });

  it("lists any other provider as a known authority in OIDC mode", () => {
    const s = msalSettings({ mode: "msal", clientId: "spa", authority: "https://127.0.0.1:4443/" }, PAGE);
    expect(s.protocolMode).toBe("OIDC");
    expect(s.knownAuthorities).toEqual(["127.0.0.1:4443"]);
    expect(s.loginPrompt).toBe("consent");
  });

  it("refuses what MSAL would refuse later, naming the field", () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as AuthConfigError;
      }
      throw new Error("no error");
    };
    expect(err(() => msalSettings({ mode: "msal" }, PAGE)).field).toBe("auth.clientId");
    const insecure = err(() =>
      msalSettings({ mode: "msal", clientId: "c", authority: "http://idp.local/" }, PAGE),
    );
    expect(insecure).toBeInstanceOf(AuthConfigError);
    expect(insecure.field).toBe("auth.authority");
    expect(insecure.message).toContain("https");
  });

  it("renews a third of the token's life ahead, at most a minute", () => {
    const s = msalSettings({ mode: "msal", clientId: "c" }, PAGE);
    expect(s.renewLeadMs(9_000)).toBe(3_000);
    expect(s.renewLeadMs(3_600_000)).toBe(60_000);
  });
});

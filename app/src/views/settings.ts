import { msalLogin, msalLogout, msalToken } from "../auth";
import { fill, h, statusLine } from "../dom";
import type { AppConfig, UserSettings } from "../lib/settings";

/**
 * Sign-in and pairing: the cloud (URL + dev token locally, Entra ID in Azure) and the edge (URL + the
 * token made by `omdp edge token`). Saved in this browser only.
 */
export function settingsView(
  root: HTMLElement,
  config: AppConfig,
  user: UserSettings,
  save: (u: UserSettings) => void,
): () => void {
  const status = statusLine();
  const field = (id: string, label: string, value: string, type = "text") => {
    const input = h("input", { id, type, value, autocomplete: "off", spellcheck: "false" });
    return { input, row: [h("label", { for: id }, label), input] };
  };
  const cloudUrl = field("set-cloud-url", "Cloud URL", user.cloudUrl ?? config.cloudUrl);
  const cloudToken = field("set-cloud-token", "Cloud token", user.cloudToken ?? "", "password");
  const edgeUrl = field("set-edge-url", "Edge URL", user.edgeUrl ?? config.edgeUrl);
  const edgeToken = field("set-edge-token", "Edge token (pairing)", user.edgeToken ?? "", "password");
  const detached = h("input", { id: "set-detached", type: "checkbox", checked: config.detached });

  fill(
    root,
    h("h2", {}, "Settings"),
    h(
      "form",
      {
        class: "card form-grid",
        "aria-label": "Connections",
        onsubmit: (e: Event) => {
          e.preventDefault();
          save({
            cloudUrl: cloudUrl.input.value.trim(),
            cloudToken: cloudToken.input.value.trim(),
            edgeUrl: edgeUrl.input.value.trim(),
            edgeToken: edgeToken.input.value.trim(),
            detached: detached.checked,
            householdId: user.householdId,
          });
          status.set("Saved.");
        },
      },
      h("h3", {}, "Edge (your home)"),
      edgeUrl.row,
      edgeToken.row,
      h(
        "p",
        { class: "muted small" },
        "Pair with the token from `omdp edge token` (left empty: the local default).",
      ),
      h("h3", {}, "Cloud"),
      h(
        "label",
        { class: "check", for: "set-detached" },
        detached,
        " Detached (no cloud: history from the edge)",
      ),
      cloudUrl.row,
      config.auth.mode === "msal"
        ? h(
            "div",
            {},
            msalToken()
              ? h(
                  "button",
                  {
                    type: "button",
                    onclick: () => {
                      msalLogout();
                      location.reload();
                    },
                  },
                  "Sign out",
                )
              : h(
                  "button",
                  {
                    type: "button",
                    onclick: () =>
                      msalLogin(config.auth).catch((err) => status.set((err as Error).message, "error")),
                  },
                  "Sign in with Microsoft",
                ),
          )
        : cloudToken.row,
      h("button", { type: "submit", id: "settings-save" }, "Save"),
      status.el,
    ),
  );
  return () => {};
}

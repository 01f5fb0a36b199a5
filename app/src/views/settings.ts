import type { CloudSession } from "../auth";
import { fill, h, statusLine } from "../dom";
import type { AppConfig, UserSettings } from "../lib/settings";

/**
 * Sign-in and pairing: the cloud (URL + dev token locally, MSAL sign-in in Azure) and the edge (URL + the
 * token made by `omdp edge token create --name <name>`). Saved in this browser only; empty URL fields
 * keep the served defaults.
 */
export function settingsView(
  root: HTMLElement,
  config: AppConfig,
  user: UserSettings,
  save: (u: UserSettings) => void,
  session: CloudSession | null = null,
): () => void {
  const status = statusLine();
  const field = (id: string, label: string, value: string, type = "text", placeholder = "") => {
    const input = h("input", { id, type, value, placeholder, autocomplete: "off", spellcheck: "false" });
    return { input, row: [h("label", { for: id }, label), input] };
  };
  const cloudUrl = field(
    "set-cloud-url",
    "Cloud URL",
    user.cloudUrl ?? "",
    "text",
    "https://cloud.example.org (empty: this app's own)",
  );
  const cloudToken = field("set-cloud-token", "Cloud token", user.cloudToken ?? "", "password");
  const edgeUrl = field(
    "set-edge-url",
    "Edge URL",
    user.edgeUrl ?? "",
    "text",
    "http://192.168.1.20:8080 (empty: this app's own)",
  );
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
        { class: "muted small", id: "pair-hint" },
        "Pair with a token made on the edge by ",
        h("code", {}, "omdp edge token create --name <name>"),
        " (left empty: the local default).",
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
            session?.account
              ? [
                  h(
                    "span",
                    { id: "signed-in-as" },
                    `Signed in as ${session.account.username || session.account.name || "you"} `,
                  ),
                  h(
                    "button",
                    {
                      type: "button",
                      id: "sign-out",
                      onclick: () =>
                        session.logout().catch((err) => status.set((err as Error).message, "error")),
                    },
                    "Sign out",
                  ),
                ]
              : h(
                  "button",
                  {
                    type: "button",
                    id: "sign-in",
                    disabled: !session,
                    onclick: () =>
                      session?.login().catch((err) => status.set((err as Error).message, "error")),
                  },
                  "Sign in",
                ),
          )
        : cloudToken.row,
      h("button", { type: "submit", id: "settings-save" }, "Save"),
      status.el,
    ),
  );
  return () => {};
}

import type { AuthenticateError } from "aedes";
import { type IdentityRegistry, resourceUri } from "./identities";
import { checkSasToken } from "./sas";
import type { Identity } from "./topics";

/** CONNACK return code 5, "not authorized" (MQTT 3.1.1, 3.2.2.3). */
const NOT_AUTHORIZED = 5;

export function authError(message: string): AuthenticateError {
  return Object.assign(new Error(message), { returnCode: NOT_AUTHORIZED }) as AuthenticateError;
}

/** Parses the MQTT client id the SDK sends: `{deviceId}` or `{deviceId}/{moduleId}`. */
export function identityOfClientId(clientId: string): Identity {
  const slash = clientId.indexOf("/");
  return slash < 0
    ? { deviceId: clientId }
    : { deviceId: clientId.slice(0, slash), moduleId: clientId.slice(slash + 1) };
}

export interface ConnectCheckDeps {
  readonly hubHost: string;
  readonly identities: IdentityRegistry;
  readonly now?: () => number;
}

/**
 * Why a CONNECT is refused (undefined: accepted): unknown identity, a username that does not name the
 * client, or a SAS token that is malformed, for another resource, expired or wrongly signed
 * (`sas <reason>`). The reason never contains the password.
 */
export function connectRefusal(
  deps: ConnectCheckDeps,
  clientId: string,
  username: unknown,
  password: unknown,
): string | undefined {
  const id = identityOfClientId(clientId);
  const entry = deps.identities.find(id);
  if (!entry) return "unknown identity";
  if (typeof username !== "string" || !username.startsWith(`${deps.hubHost}/${clientId}/`))
    return "username does not name this client";
  const check = checkSasToken(
    Buffer.isBuffer(password) ? password.toString("utf8") : "",
    resourceUri(deps.hubHost, id),
    entry.primaryKey,
    Math.floor((deps.now?.() ?? Date.now()) / 1000),
  );
  return check.ok ? undefined : `sas ${check.error.reason}`;
}

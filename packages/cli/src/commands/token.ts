import { parseArgs } from "node:util";

const HELP = `Usage: omdp token --sub NAME [--household ID ...] [--role household|admin|analyst] [--ttl 1h]

Prints a JWT that the local cloud (omdp cloud) accepts, signed with the local key under
$OMDP_DATA_DIR/jwt/ (made at first use, git-ignored). Azure uses Entra ID tokens instead.

Options:
  --sub NAME        subject (who the token is for)
  --household ID    household the token may see (repeatable; required for role household)
  --role ROLE       household (default), admin or analyst
  --ttl SPAN        lifetime, e.g. 30m, 1h, 7d (default 1h)
  --data-dir DIR    where the signing key lives (default $OMDP_DATA_DIR or .data)
  -h, --help        this help
`;

const ROLES = ["household", "admin", "analyst"] as const;

/** `omdp token`: prints a local JWT on stdout. */
export async function run(argv: string[]): Promise<number> {
  let values: {
    sub?: string;
    household?: string[];
    role?: string;
    ttl?: string;
    "data-dir"?: string;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sub: { type: "string" },
        household: { type: "string", multiple: true },
        role: { type: "string", default: "household" },
        ttl: { type: "string", default: "1h" },
        "data-dir": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`omdp token: ${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const fail = (msg: string) => {
    process.stderr.write(`omdp token: ${msg}\n`);
    return 2;
  };
  if (!values.sub) return fail("--sub is required");
  const role = values.role as (typeof ROLES)[number];
  if (!ROLES.includes(role)) return fail(`--role must be one of ${ROLES.join(", ")}`);
  const households = values.household ?? [];
  if (role === "household" && households.length === 0)
    return fail("--household is required for role household");
  if (!/^\d+\s*(s|m|h|d|w)$/.test(values.ttl ?? ""))
    return fail(`--ttl must look like 30m, 1h or 7d, got ${values.ttl}`);
  const env = { ...process.env };
  if (values["data-dir"]) env.OMDP_DATA_DIR = values["data-dir"];
  const { loadOrCreateLocalKey, readSettings, signLocalToken } = await import("@omdp/functions");
  const settings = readSettings(env);
  const key = await loadOrCreateLocalKey(settings.dataDir);
  const token = await signLocalToken(key, {
    sub: values.sub,
    role,
    households,
    ttl: values.ttl!,
    issuer: settings.auth.issuer,
    audience: settings.auth.audience,
  });
  process.stdout.write(`${token}\n`);
  return 0;
}

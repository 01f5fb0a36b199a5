// Runs one DPS registration in its own process (NODE_EXTRA_CA_CERTS must be read at process start),
// printing the assignment (without the key) as JSON.
import { registerDevice } from "../../src";

const a = await registerDevice({
  provisioningHost: process.env.DPS_HOST!,
  idScope: process.env.DPS_SCOPE!,
  registrationId: process.env.DPS_REGISTRATION_ID!,
  symmetricKey: process.env.DPS_DEVICE_KEY!,
  payload: { householdId: "hh-1" },
});
process.stdout.write(
  `${JSON.stringify({ assignedHub: a.assignedHub, deviceId: a.deviceId, keyInConnectionString: a.connectionString.endsWith(process.env.DPS_DEVICE_KEY!) })}\n`,
);
process.exit(0);

/**
 * A stand-in for the Azure Device Provisioning Service's MQTT endpoint (TLS, MQTT 3.1.1), for tests:
 * it records what the unchanged SDK sends (CONNECT fields, register request), verifies the SAS token
 * against the enrollment group key, and answers the way DPS does (202 assigning, then 200 assigned).
 */
import { createHmac, randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:tls";
import { Aedes } from "aedes";
import selfsigned from "selfsigned";
import { deriveDeviceKey } from "../../src";

export interface SeenConnect {
  clientId: string;
  username: string;
  password: string;
}
export interface SeenPublish {
  topic: string;
  payload: string;
}

export interface DpsStandIn {
  port: number;
  caPem: string;
  connects: SeenConnect[];
  publishes: SeenPublish[];
  stop(): Promise<void>;
}

export async function startDpsStandIn(opts: {
  idScope: string;
  groupKey: string;
  assignedHub: string;
}): Promise<DpsStandIn> {
  const pems = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 86_400_000),
    extensions: [
      {
        name: "subjectAltName",
        altNames: [
          { type: 7, ip: "127.0.0.1" },
          { type: 2, value: "localhost" },
        ],
      },
    ],
  });
  const broker = await Aedes.createBroker();
  const connects: SeenConnect[] = [];
  const publishes: SeenPublish[] = [];

  broker.authenticate = (client, username, password, done) => {
    const pass = password?.toString() ?? "";
    connects.push({ clientId: client.id, username: username ?? "", password: pass });
    const deviceKey = deriveDeviceKey(opts.groupKey, client.id);
    // The string to sign is the `sr` value exactly as the token carries it, a newline, and `se`.
    const fields = new Map(
      pass
        .replace(/^SharedAccessSignature /, "")
        .split("&")
        .map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)] as const),
    );
    const sr = fields.get("sr") ?? "";
    const expected = createHmac("sha256", Buffer.from(deviceKey, "base64"))
      .update(`${sr}\n${fields.get("se")}`)
      .digest("base64");
    const srOk = decodeURIComponent(sr) === `${opts.idScope}/registrations/${client.id}`;
    done(null, decodeURIComponent(fields.get("sig") ?? "") === expected && srOk);
  };
  broker.on("publish", (packet, client) => {
    if (!client) return;
    const topic = packet.topic;
    publishes.push({ topic, payload: packet.payload.toString() });
    const rid = /\$rid=([^&]+)/.exec(topic)?.[1];
    const reply = (status: number, body: unknown, extra = "") =>
      broker.publish(
        {
          cmd: "publish",
          topic: `$dps/registrations/res/${status}/?$rid=${rid}${extra}`,
          payload: Buffer.from(JSON.stringify(body)),
          qos: 0,
          dup: false,
          retain: false,
        },
        () => {},
      );
    if (topic.startsWith("$dps/registrations/PUT/iotdps-register/")) {
      reply(202, { operationId: `op-${randomUUID()}`, status: "assigning" }, "&retry-after=1");
    } else if (topic.startsWith("$dps/registrations/GET/iotdps-get-operationstatus/")) {
      const operationId = /operationId=([^&]+)/.exec(topic)?.[1];
      reply(200, {
        operationId,
        status: "assigned",
        registrationState: {
          registrationId: client.id,
          assignedHub: opts.assignedHub,
          deviceId: client.id,
          status: "assigned",
        },
      });
    }
  });

  const server: Server = createServer({ key: pems.private, cert: pems.cert }, broker.handle as never);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as { port: number }).port;
  return {
    port,
    caPem: pems.cert,
    connects,
    publishes,
    stop: async () => {
      await new Promise<void>((r) => broker.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

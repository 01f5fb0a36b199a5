import https from "node:https";
import type { AddressInfo } from "node:net";
import { createHttpsServer } from "@vercel/cosmosdb-server";
import { afterAll, beforeAll } from "vitest";
import { createCosmosStore } from "../../src/store/cosmos";
import { storeContract } from "./contract";

// The in-process Cosmos DB emulator (its built-in certificate has expired: tests only skip verification).
let server: ReturnType<typeof createHttpsServer>;
let endpoint = "";
const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
let n = 0;

beforeAll(async () => {
  server = createHttpsServer({ keepAlive: true });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  agent.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

storeContract("Cosmos DB (cosmosdb-server)", async () =>
  createCosmosStore({
    endpoint,
    key: "dGVzdC1rZXktZm9yLXRoZS1lbXVsYXRvcg==",
    database: `db${++n}`,
    groupBy: false,
    agent,
    retentionDays: { intervals: 730, rollups: -1, readings: 31, events: 730, deadletters: 30 },
  }),
);

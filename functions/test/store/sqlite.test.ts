import { SqliteStore } from "../../src/store/sqlite";
import { storeContract } from "./contract";

storeContract("SQLite", async () => new SqliteStore(":memory:"));

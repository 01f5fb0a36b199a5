#!/usr/bin/env node
// The omdp command line. Sources are TypeScript; tsx compiles them on load.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));

// esbuild inject for the CommonJS bundle: ESM dependencies read import.meta.url (createRequire).
export const import_meta_url = require("node:url").pathToFileURL(__filename).href;

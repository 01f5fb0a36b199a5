import { defineConfig } from "vite";

// The dashboard: a static bundle served by the local platform (`omdp start`) or an Azure Static Web App.
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 300,
  },
  server: { host: "127.0.0.1", port: 5173 },
});

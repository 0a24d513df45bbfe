import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

// The API the dev and preview servers forward /api to; in production the server serves this
// app itself, so the app only ever calls same-origin /api/v1/….
const api = process.env.SHIHYO_API_URL ?? "http://127.0.0.1:3000";
const proxy = { "/api": { target: api, changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
  // The engine (pure TypeScript, for checks in the plan editor) is used from its sources.
  resolve: { conditions: ["source", ...defaultClientConditions] },
  server: { proxy },
  preview: { proxy },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
});

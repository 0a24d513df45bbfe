import { defineConfig } from "vitest/config";

// Tests run on the TypeScript sources: the "source" export condition of each
// workspace package points at src/, so no build is needed before `npm test`.
export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"], externalConditions: ["source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    testTimeout: 30_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Integration tests build whole Eleventy sites.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One temporary folder for the whole run, removed at its end (see the file).
    globalSetup: ["test/globalSetup.ts"],
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Integration tests build whole Eleventy sites.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

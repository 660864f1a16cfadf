import { describe, expect, it } from "vitest";
import { createIdRegistry, DEFAULT_LABELS, fillLabel } from "../src/context.js";

describe("createIdRegistry", () => {
  it("hands out each base once, then numbered ids", () => {
    const ids = createIdRegistry();
    expect([ids.claim("a"), ids.claim("a"), ids.claim("b"), ids.claim("a")]).toEqual(["a", "a-2", "b", "a-3"]);
  });

  it("does not hand out an id that was claimed as a base", () => {
    const ids = createIdRegistry();
    expect(ids.claim("a-2")).toBe("a-2");
    expect(ids.claim("a")).toBe("a");
    expect(ids.claim("a")).toBe("a-3");
  });

  it("keeps registries apart", () => {
    createIdRegistry().claim("a");
    expect(createIdRegistry().claim("a")).toBe("a");
  });
});

describe("fillLabel", () => {
  it("fills known names and leaves unknown ones", () => {
    expect(fillLabel(DEFAULT_LABELS.videoSource, { source: "CNN" })).toBe("Source: CNN");
    expect(fillLabel("{source} / {other}", { source: "A" })).toBe("A / {other}");
  });
});

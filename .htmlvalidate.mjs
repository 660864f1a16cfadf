/**
 * html-validate's configuration for this repository, used by the quality gate (test/quality/html-validate.test.ts) and
 * by `npx html-validate _site`. A JavaScript config, so that every rule that differs from the presets says why.
 *
 * Every rule of both presets is on; three are configured (one made stricter), none is turned off, and one element's metadata is corrected.
 */
export default {
  extends: ["html-validate:recommended", "html-validate:document"],
  elements: [
    "html5",
    {
      // The pull quote is `<aside aria-hidden="true">` by design: it repeats the body, so it is hidden from assistive
      // technology (README). html-validate 10 gives every <aside> the complementary landmark role, so
      // `unique-landmark` asks each pull quote for a unique name; but an element hidden from the accessibility tree is
      // no landmark to anyone (axe-core agrees), so an <aside> inside aria-hidden="true" gets no role here. Every
      // other <aside> keeps its role, and `unique-landmark` stays on for every landmark.
      aside: {
        aria: {
          implicitRole: (node) => (node.closest('[aria-hidden="true"]') ? null : "complementary"),
        },
      },
    },
  ],
  rules: {
    // Both cases are valid HTML and the HTML standard's own examples write `<!doctype html>`: the rule keeps one style
    // (lowercase, as every layout here writes it) instead of the preset's uppercase.
    "doctype-style": ["error", { style: "lowercase" }],

    // Subresource integrity protects a page from a third party changing a file it loads. A site's own stylesheet comes
    // from the page's own origin, where an integrity hash protects nothing: require it for cross-origin resources only.
    "require-sri": ["error", { target: "crossorigin" }],

    // Nothing the plugin writes carries a `style` attribute (the video box's shape is a class), so pages hold under a
    // Content-Security-Policy without 'unsafe-inline' for styles: no inline style is allowed, not even the preset's
    // `display`.
    "no-inline-style": ["error", { allowedProperties: [] }],
  },
};

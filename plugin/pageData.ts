import type { EleventyPage } from "./eleventy.js";

/** The data of the page a shortcode is called from: Nunjucks gives it as `this.ctx`, Liquid as a context to read. */
export interface ShortcodeThis {
  page?: EleventyPage & { date?: Date };
  ctx?: Record<string, unknown> | { getAll(): Record<string, unknown> };
}

export function pageData(self: ShortcodeThis | undefined, explicit: unknown): Record<string, unknown> {
  // 11ty.js templates have no template context: they pass their data, `this.newsroomMetadata(data)`.
  if (explicit !== null && typeof explicit === "object") return explicit as Record<string, unknown>;
  const ctx = self?.ctx;
  if (ctx && typeof (ctx as { getAll?: unknown }).getAll === "function") return (ctx as { getAll(): Record<string, unknown> }).getAll();
  if (ctx) return ctx as Record<string, unknown>;
  return { page: self?.page };
}

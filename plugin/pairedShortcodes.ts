import type { ElementType } from "../src/index.js";

/** Paired shortcodes take Markdown content (`{% quote %}…{% endquote %}`); the others take only arguments. */
export const PAIRED_SHORTCODES: readonly ElementType[] = ["highlights", "quote", "pullquote", "update"];

/**
 * eleventy-plugin-newsroom/cms: the plugin's elements in Decap CMS, for the browser. Nothing here imports `node:` or
 * Eleventy; the build bundles it with markdown-it into one file (`dist/cms/index.js`).
 *
 * ```js
 * import { registerNewsroomCms } from "eleventy-plugin-newsroom/cms";
 * registerNewsroomCms(window.CMS, { previewTemplates: ["stories"], previewStyles: ["/assets/site.css"] });
 * ```
 */
export { registerNewsroomCms, newsroomEditorComponents, NEWSROOM_WIDGETS, type DecapCms, type DecapEditorComponent, type DecapField, type NewsroomCmsOptions, type ReactHelpers } from "./register.js";
export { NewsroomPreview, type PreviewOptions, type StoryPreviewData } from "./preview.js";
export { readBlock, writeBlock, canonicalValues, blockRegExp, BLOCK_SHAPES, DEFAULT_BLOCK_NAMES, type BlockNames, type BlockShape, type BlockValues } from "./blocks.js";
export { DEFAULT_CMS_LABELS, SPANISH_CMS_LABELS, cmsLabelsFor, type CmsLabels } from "./labels.js";
export { DEFAULT_LABELS, SPANISH_LABELS, type Labels } from "../context.js";
export { NewsroomError } from "../errors.js";

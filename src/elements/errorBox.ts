import type { NewsroomError } from "../errors.js";
import { asMarkdownSafeBlock, html, type SafeHtml } from "../html.js";

/**
 * What a preview server shows in place of an element it cannot build, so the writer sees the problem on the page
 * where they are looking. Styled inline: it must be readable whatever the site's CSS. Never used in a production
 * build, which fails instead.
 */
export function renderErrorBox(error: NewsroomError): SafeHtml {
  const where = error.where ? `${error.where}: ` : "";
  return asMarkdownSafeBlock(html`<div class="newsroom-error" role="alert" style="border: 3px solid #b00020; padding: .75rem 1rem; margin: 1rem 0; background: #fff; color: #1a1a1a; font: 1rem/1.4 system-ui, sans-serif">
<p style="margin: 0 0 .25rem"><strong>${error.element}</strong>: ${error.problem}.</p>
<p style="margin: 0"><strong>Fix:</strong> ${error.fix}.</p>
<p style="margin: .25rem 0 0; font-size: .875rem">${where}eleventy-plugin-newsroom (shown while previewing; a production build stops here)</p>
</div>`);
}

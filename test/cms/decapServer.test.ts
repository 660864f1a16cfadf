import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { writeBlock } from "../../src/cms/blocks.js";
import { startDecapServer, type DecapServer } from "../helpers/decapAdmin.js";
import { REPOSITORY } from "../helpers/exampleSite.js";

/**
 * README, "Editing in a CMS (Decap)": `npm start` runs decap-server, Decap's local backend, so the admin edits
 * site/stories/*.md on the machine. Here decap-server runs as scripts/start.js runs it, on a free port, over a copy of
 * the site, and is sent what Decap's proxy backend sends when an editor publishes a story (a persistEntry request).
 */
let server: DecapServer | undefined;
afterAll(async () => {
  await server?.stop();
});

test("decap-server writes the story an editor publishes into site/stories/", async () => {
  const copy = mkdtempSync(join(tmpdir(), "newsroom-decap-server-"));
  cpSync(join(REPOSITORY, "site"), join(copy, "site"), { recursive: true });
  server = await startDecapServer(copy);
  const api = server.api;
  const call = async (action: string, params: object) => {
    const response = await fetch(api, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action, params }) });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const raw = `---\ntitle: Written in the editor\ndate: 2017-05-19\n---\nWords.\n\n${writeBlock("quote", { speaker: "Luis Videgaray", role: "Mexican Foreign Secretary", text: "We need to overcome the blame game." })}\n`;
  const path = "site/stories/written-in-the-editor.md";
  const persisted = await call("persistEntry", {
    branch: "main",
    dataFiles: [{ slug: "written-in-the-editor", path, raw }],
    assets: [],
    options: { collectionName: "stories", commitMessage: "Create Story “written-in-the-editor”", useWorkflow: false, status: "draft" },
  });
  expect(persisted.status, JSON.stringify(persisted.body)).toBe(200);
  expect(readFileSync(join(copy, path), "utf8")).toBe(raw);
  // And what it lists is what the admin opens next.
  const listed = await call("entriesByFolder", { branch: "main", folder: "site/stories", extension: "md", depth: 1 });
  expect(JSON.stringify(listed.body)).toContain("written-in-the-editor.md");
}, 60_000);

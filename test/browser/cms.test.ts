import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, serveDirectory, type StaticServer } from "../helpers/browser.js";
import { adminContext, configWithBackend, logIn, publish, repoFile, type AdminContext } from "../helpers/decapAdmin.js";
import { writeBlock } from "../../src/cms/blocks.js";
import { buildSite } from "../helpers/eleventy.js";
import { buildExampleSite, REPOSITORY } from "../helpers/exampleSite.js";
import { parseFragment } from "../helpers/html.js";

/**
 * README, "Editing in a CMS (Decap)": the example site's admin at /admin/, with Decap's in-memory test-repo backend in
 * place of a hosted one. A story opened and saved unchanged is the same bytes; a broken element shows the plugin's
 * message at its field and nothing is published; no request leaves the machine.
 */
const SEED = "tillerson-mexico-drug-trade.md";
const TEST_REPO = "backend:\n  name: test-repo\n";
/** How long one step may wait for the admin (a loaded 2-core machine is slow, never this slow). */
const PATIENCE = 20_000;

let output: string;
let server: StaticServer;
let browser: Browser;
const contexts: AdminContext[] = [];

beforeAll(async () => {
  if (!existsSync(join(REPOSITORY, "dist/cms/index.js"))) throw new Error("Build the plugin first: npm run build:plugin (npm test does)");
  output = buildExampleSite();
  server = await serveDirectory(output);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const { context } of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

async function openAdmin(seed: Record<string, string> = {}): Promise<{ page: Page; admin: AdminContext }> {
  const admin = await adminContext(browser, server.origin, configWithBackend(output, TEST_REPO));
  contexts.push(admin);
  await admin.context.addInitScript((files) => {
    const stories = Object.fromEntries(Object.entries(files).map(([name, content]) => [name, { content }]));
    (window as unknown as { repoFiles: unknown }).repoFiles = { site: { stories } };
  }, seed);
  const page = await admin.context.newPage();
  await logIn(page, server.origin);
  return { page, admin };
}

/** The preview pane's document (Decap renders the preview in an iframe). */
const preview = (page: Page) => page.frameLocator("iframe").first();

/** Clicks "Add Component" and the element's entry in its menu: the form opens in the body, after the cursor. */
async function addComponent(page: Page, label: string): Promise<void> {
  await page.locator('button[title="Add Component"]').click();
  await page.getByRole("menuitem", { name: label, exact: true }).or(page.locator('[role="menu"] >> text="' + label + '"')).first().click();
}

/** The most recent field of that label (a component's form comes after the story's own fields). */
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true }).last();

/** Replaces a field's text as an editor does (Playwright's `fill` appends in Decap's inputs), and waits until it holds it. */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press("Control+A");
  await field.pressSequentially(text);
  await expect.poll(() => field.inputValue(), { timeout: PATIENCE, message: `the field holds ${JSON.stringify(text)}` }).toBe(text);
}

interface Tree {
  tag: string;
  attributes: Array<[string, string]>;
  children: Array<Tree | string>;
}

/**
 * An element's structure, as a parser reads its HTML: tag, attributes (sorted) and children, text with its white
 * space collapsed (how the markup was serialised, the browser's or the build's, does not matter).
 */
function tree(element: Element): Tree {
  const children: Array<Tree | string> = [];
  for (const child of element.childNodes) {
    if (child.nodeType === 1) children.push(tree(child as Element));
    else if (child.nodeType === 3) {
      const text = (child.textContent ?? "").replace(/\s+/g, " ");
      if (text.trim() !== "") children.push(text);
    }
  }
  const attributes = [...element.attributes].map((attribute): [string, string] => [attribute.name, attribute.value]).sort(([a], [b]) => a.localeCompare(b));
  return { tag: element.tagName.toLowerCase(), attributes, children };
}

describe("Decap CMS at /admin/ with the newsroom elements", () => {
  test("the admin page loads Decap and the plugin's module from the site itself, nothing from another host", async () => {
    const { page, admin } = await openAdmin();
    await page.goto(`${server.origin}/admin/#/collections/stories/new`);
    await page.locator('button[title="Add Component"]').waitFor();
    const fromTheSite = admin.requests.filter((url) => url.startsWith(server.origin));
    expect(admin.external).toEqual([]);
    expect(fromTheSite).toEqual(expect.arrayContaining([`${server.origin}/admin/decap/decap-cms.js`, `${server.origin}/admin/newsroom-cms.js`, `${server.origin}/admin/config.yml`]));
    console.log(`admin page: ${fromTheSite.length} requests, all to the site`);
  }, 120_000);

  test("the seed story, opened and saved unchanged, is the same bytes", async () => {
    const seed = readFileSync(join(REPOSITORY, "site/stories", SEED), "utf8");
    const { page, admin } = await openAdmin({ [SEED]: seed });
    await page.goto(`${server.origin}/admin/#/collections/stories/entries/${SEED.replace(/\.md$/, "")}`);
    // Decap publishes only a changed entry: the section is changed and published, then changed back and published.
    // The second save writes the story as it was opened, through Decap's whole serialisation (front matter and body).
    const section = page.locator('input[id^="section-field"]');
    // The preview is the layout's: the lead video and the highlights from front matter, the pull quotes in the body.
    await expect.poll(() => preview(page).locator(".newsroom-video--lead, .newsroom-highlights, .newsroom-pullquote").count()).toBe(5);
    await section.fill("Politicsx");
    await publish(page);
    await expect.poll(() => repoFile(page, SEED)).toContain("section: Politicsx\n");
    expect(await repoFile(page, SEED)).toBe(seed.replace("section: Politics\n", "section: Politicsx\n"));
    await page.getByText("Changes saved").waitFor();
    // Opened again (within the page: a reload would start the in-memory repository afresh), it is the saved entry.
    await page.goto(`${server.origin}/admin/#/collections/stories`);
    await page.goto(`${server.origin}/admin/#/collections/stories/entries/${SEED.replace(/\.md$/, "")}`);
    await expect.poll(() => section.inputValue()).toBe("Politicsx");
    await section.click();
    await section.press("Control+A");
    await section.pressSequentially("Politics");
    await expect.poll(() => section.inputValue()).toBe("Politics");
    await publish(page);
    await expect.poll(() => repoFile(page, SEED)).not.toContain("Politicsx");
    expect(await repoFile(page, SEED)).toBe(seed);
    expect(admin.external).toEqual([]);
  }, 120_000);

  test("a broken element shows the plugin's message at the field, and nothing is published", async () => {
    const { page, admin } = await openAdmin();
    await page.goto(`${server.origin}/admin/#/collections/stories/new`);
    await page.locator('input[id^="title-field"]').first().fill("A story with mistakes");
    // The lead video, from front matter: a javascript: address and a duration of 75 seconds.
    await field(page, "Address (https: or a path on this site) (optional)").fill("javascript:alert(1)");
    await page.locator('input[id^="duration-field"]').fill("1:75");
    await field(page, "Title (optional)").fill("A video");
    // A quote without a speaker, in the body.
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type("Words.");
    await page.keyboard.press("Enter");
    await addComponent(page, "Quote");
    await field(page, "Words (Markdown) (optional)").fill("We need to overcome the blame game.");
    await publish(page);
    const alert = page.getByText(/\[eleventy-plugin-newsroom\] (line \d+: )?quote: the required field "speaker" is missing/);
    await alert.first().waitFor();
    await expect.poll(() => page.getByText(/\[eleventy-plugin-newsroom\] video: url "javascript:alert\(1\)"/).count()).toBeGreaterThan(0);
    // Fixed the address, the duration is still wrong: its own message.
    const address = field(page, "Address (https: or a path on this site) (optional)");
    await address.click();
    await address.press("Control+A");
    await address.pressSequentially("https://vimeo.com/76979871");
    await publish(page);
    await page.getByText(/\[eleventy-plugin-newsroom\] video: duration "1:75" has 75 seconds/).first().waitFor();
    expect(await page.evaluate(() => Object.keys((window as unknown as { repoFiles: { site: { stories: object } } }).repoFiles.site.stories))).toEqual([]);
    expect(admin.external).toEqual([]);
  }, 120_000);
  test("each element, inserted through Add Component and its form, is written as README's block and previewed as the build renders it", async () => {
    const { page, admin } = await openAdmin();
    page.on("pageerror", (e) => console.log("PAGEERROR", e.message, e.stack?.slice(0, 300)));
    page.on("console", (m) => { if (m.type() !== "log" && m.type() !== "info") console.log("CONSOLE", m.type(), m.text().slice(0, 1500)); });
    await page.goto(`${server.origin}/admin/#/collections/stories/new`);
    await page.locator('button[title="Add Component"]').waitFor({ timeout: PATIENCE });
    await typeInto(page.locator('input[id^="title-field"]').first(), "Four elements from the editor");
    const body = page.locator('[data-slate-editor="true"]');
    await body.click();
    await page.keyboard.type("Words before the elements.");
    await page.keyboard.press("Enter");

    // The values of each form, and the block README documents for them (blocks.ts writes it; test/cms/blocks.test.ts
    // shows the build reads it back as these values).
    const highlights = { items: ["Tillerson and Kelly meet Mexico's ministers", "The U.S. and Mexico *share* the blame"] };
    const quote = { speaker: "Luis Videgaray", role: "Mexican Foreign Secretary", lang: "es-MX", text: "Tenemos que superar el juego de culpas." };
    const pullquote = { speaker: "Rex Tillerson", role: "U.S. Secretary of State", text: "We Americans must *own* this problem." };
    const video = { url: "https://vimeo.com/76979871", title: "The New Vimeo Player", duration: "1:45", source: "Vimeo", description: "What the player looks like." };

    await addComponent(page, "Story highlights");
    const add = page.getByRole("button", { name: "Add highlights (one line each)" }).last();
    for (const [index, item] of highlights.items.entries()) {
      await add.click();
      await typeInto(page.locator('input[id^="item-field-"]').nth(index), item);
    }
    // Each component opens after the cursor: click at the end of the body's last paragraph first.
    const next = async (label: string) => {
      await body.locator("p").last().click();
      await page.keyboard.press("End");
      await addComponent(page, label);
    };
    await next("Quote");
    await typeInto(field(page, "Speaker (optional)"), quote.speaker);
    await typeInto(field(page, "Role (optional)"), quote.role);
    await typeInto(field(page, "Language of the words (BCP 47, e.g. es-MX) (optional)"), quote.lang);
    await typeInto(field(page, "Words (Markdown) (optional)"), quote.text);
    await next("Pull quote");
    await typeInto(field(page, "Speaker (optional)"), pullquote.speaker);
    await typeInto(field(page, "Role (optional)"), pullquote.role);
    await typeInto(field(page, "Words (Markdown) (optional)"), pullquote.text);
    await next("Video");
    await page.waitForTimeout(1000); await page.screenshot({ path: "/tmp/explore/video.png" }); (await import("node:fs")).writeFileSync("/tmp/explore/video.html", await page.content());
    for (const [name, value] of Object.entries(video)) await typeInto(page.locator(`input[id^="${name}-field-"]`).last(), value);

    // The preview pane shows the four elements (and no error box) before anything is published.
    const pane = preview(page);
    await expect.poll(() => pane.locator(".story__body > .newsroom-highlights, .story__body > .newsroom-quote, .story__body > .newsroom-pullquote, .story__body > .newsroom-video").count(), { timeout: PATIENCE, message: "the four elements in the preview" }).toBe(4);
    await expect.poll(() => pane.locator(".story__body").innerText(), { timeout: PATIENCE, message: "the video's title in the preview" }).toContain(video.title);
    expect(await pane.locator(".newsroom-error").count()).toBe(0);
    const previewed = await pane.locator(".story__body").innerHTML();

    await publish(page);
    const file = "four-elements-from-the-editor.md";
    await expect.poll(() => repoFile(page, file), { timeout: PATIENCE, message: "the published story" }).toBeDefined();
    const markdown = (await repoFile(page, file))!;
    expect(admin.external).toEqual([]);
    console.log(`published ${file}:\n${markdown}`);

    // The Markdown holds each element as the block README documents, in the order they were inserted.
    const blocks = [writeBlock("highlights", highlights), writeBlock("quote", quote), writeBlock("pullquote", pullquote), writeBlock("video", video)];
    expect(blocks[1]).toBe('::: quote speaker="Luis Videgaray" role="Mexican Foreign Secretary" lang="es-MX"\nTenemos que superar el juego de culpas.\n:::');
    const positions = blocks.map((block) => markdown.indexOf(`\n${block}\n`));
    expect(positions.every((position) => position > 0), markdown).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    // Built with Eleventy (the plugin as the example site adds it), each element's HTML has the structure the preview showed.
    const pages = await buildSite({ "stories/four-elements-from-the-editor.md": markdown }, { options: { timeZone: "America/New_York" } });
    const built = pages.get("/stories/four-elements-from-the-editor/")!.content;
    const ofEach = (container: HTMLElement) => ["newsroom-highlights", "newsroom-quote", "newsroom-pullquote", "newsroom-video"].map((name) => [...container.children].filter((child) => child.classList.contains(name)));
    const fromPreview = ofEach(parseFragment(previewed));
    const fromBuild = ofEach(parseFragment(built));
    for (const [index, name] of ["highlights", "quote", "pullquote", "video"].entries()) {
      expect(fromPreview[index], `${name} in the preview`).toHaveLength(1);
      expect(fromBuild[index], `${name} in the build`).toHaveLength(1);
      expect(tree(fromPreview[index]![0]!), name).toEqual(tree(fromBuild[index]![0]!));
    }
    // And what each shows is what its form held.
    const [[shownHighlights], [shownQuote], [shownPullquote], [shownVideo]] = fromBuild as [[Element], [Element], [Element], [Element]];
    expect([...shownHighlights.querySelectorAll("li")].map((item) => item.innerHTML)).toEqual(["Tillerson and Kelly meet Mexico’s ministers", "The U.S. and Mexico <em>share</em> the blame"].map((text) => expect.stringContaining(text.replace("’", "'")) && text.replace("’", "'")));
    expect(shownQuote.textContent).toContain(quote.speaker);
    expect(shownQuote.querySelector("[lang]")?.getAttribute("lang")).toBe("es-MX");
    expect(shownPullquote.innerHTML).toContain("<em>own</em>");
    expect(shownVideo.textContent).toContain(video.title);
    expect(admin.external).toEqual([]);
  }, 180_000);
});

import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, serveDirectory, type StaticServer } from "../helpers/browser.js";
import { adminContext, configWithBackend, logIn, publish, repoFile, startDecapServer, type AdminContext, type DecapServer } from "../helpers/decapAdmin.js";
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
const decapServers: DecapServer[] = [];

beforeAll(async () => {
  if (!existsSync(join(REPOSITORY, "dist/cms/index.js"))) throw new Error("Build the plugin first: npm run build:plugin (npm test does)");
  output = buildExampleSite();
  server = await serveDirectory(output);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const { context } of contexts) await context.close();
  for (const decap of decapServers) await decap.stop();
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

/**
 * Clicks "Add Component" and the element's entry in its menu: the form opens in the body, after the cursor. The menu
 * closes when focus leaves it, and the body's editor can take focus back just after a click in it (a loaded machine
 * makes that race likely): the button is clicked again, while the menu is closed, until the entry shows.
 */
async function addComponent(page: Page, label: string): Promise<void> {
  const toggle = page.locator('[aria-haspopup="true"]').filter({ has: page.locator('button[title="Add Component"]') });
  const entry = page.getByRole("menuitem", { name: label, exact: true }).or(page.locator('[role="menu"] >> text="' + label + '"')).first();
  const deadline = Date.now() + PATIENCE;
  for (;;) {
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.locator("button").click();
    try {
      await entry.waitFor({ state: "visible", timeout: 2_000 });
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
  await entry.click();
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
    // What the admin throws or logs as an error (a component's fromBlock that throws stops the whole editor).
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(`${server.origin}/admin/#/collections/stories/new`);
    await page.locator('button[title="Add Component"]').waitFor({ timeout: PATIENCE });
    await typeInto(page.locator('input[id^="title-field"]').first(), "Four elements from the editor");
    // A new story has no date (Decap's datetime field starts empty) and cannot be published without one.
    const date = page.locator('input[id^="date-field"]');
    await date.fill("2017-05-19");
    await expect.poll(() => date.inputValue(), { timeout: PATIENCE }).toBe("2017-05-19");
    const body = page.locator('[data-slate-editor="true"]');
    await body.click();
    await page.keyboard.type("Words before the elements.");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Words after them.");

    // The values of each form, and the block README documents for them (blocks.ts writes it; test/cms/blocks.test.ts
    // shows the build reads it back as these values).
    const highlights = { items: ["Tillerson and Kelly meet Mexico's ministers", "The U.S. and Mexico *share* the blame"] };
    const quote = { speaker: "Luis Videgaray", role: "Mexican Foreign Secretary", lang: "es-MX", text: "Tenemos que superar el juego de culpas." };
    const pullquote = { speaker: "Rex Tillerson", role: "U.S. Secretary of State", text: "We Americans must *own* this problem." };
    const video = { url: "https://vimeo.com/76979871", title: "The New Vimeo Player", duration: "1:45", source: "Vimeo", description: "What the player looks like." };

    // A component opens after the cursor's paragraph: with the cursor in the first paragraph each time, they are
    // inserted last to first. Each form is found as the body's component of that name, its fields by their labels.
    const insert = async (label: string): Promise<Locator> => {
      await body.locator("p").first().click();
      await page.keyboard.press("End");
      await addComponent(page, label);
      const component = body.locator('[data-slate-void="true"]').filter({ has: page.locator("label", { hasText: new RegExp(`^${label}$`) }) });
      await component.waitFor({ timeout: PATIENCE });
      return component;
    };
    const inComponent = (component: Locator, label: string) => component.getByLabel(label, { exact: true });
    const videoForm = await insert("Video");
    for (const [name, value] of Object.entries(video)) await typeInto(videoForm.locator(`input[id^="${name}-field-"]`), value);
    const pullquoteForm = await insert("Pull quote");
    await typeInto(inComponent(pullquoteForm, "Speaker (optional)"), pullquote.speaker);
    await typeInto(inComponent(pullquoteForm, "Role (optional)"), pullquote.role);
    await typeInto(inComponent(pullquoteForm, "Words (Markdown) (optional)"), pullquote.text);
    const quoteForm = await insert("Quote");
    await typeInto(inComponent(quoteForm, "Speaker (optional)"), quote.speaker);
    await typeInto(inComponent(quoteForm, "Role (optional)"), quote.role);
    await typeInto(inComponent(quoteForm, "Language of the words (BCP 47, e.g. es-MX) (optional)"), quote.lang);
    await typeInto(inComponent(quoteForm, "Words (Markdown) (optional)"), quote.text);
    const highlightsForm = await insert("Story highlights");
    for (const [index, item] of highlights.items.entries()) {
      await highlightsForm.getByRole("button", { name: "Add highlights (one line each)" }).click();
      await typeInto(highlightsForm.locator('input[id^="item-field-"]').nth(index), item);
    }
    expect(await body.locator('[data-slate-void="true"]').count()).toBe(4);

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
    expect([...shownHighlights.querySelectorAll("li")].map((item) => item.innerHTML.trim())).toEqual(["Tillerson and Kelly meet Mexico's ministers", "The U.S. and Mexico <em>share</em> the blame"]);
    expect(shownQuote.textContent).toContain(quote.speaker);
    expect(shownQuote.querySelector("[lang]")?.getAttribute("lang")).toBe("es-MX");
    expect(shownPullquote.innerHTML).toContain("<em>own</em>");
    expect(shownVideo.textContent).toContain(video.title);
    expect(admin.external).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);
  test("with the local backend (decap-server, as npm start runs it), publishing writes the story into site/stories/", async () => {
    const copy = mkdtempSync(join(tmpdir(), "newsroom-local-backend-"));
    cpSync(join(REPOSITORY, "site"), join(copy, "site"), { recursive: true });
    const decap = await startDecapServer(copy, PATIENCE);
    decapServers.push(decap);
    // The site's own backend, with local_backend pointed at this decap-server: Decap asks it, and finds it answering.
    const config = configWithBackend(output, `backend:\n  name: git-gateway\n  branch: main\nlocal_backend:\n  url: ${decap.api}\n`);
    const admin = await adminContext(browser, server.origin, config, [decap.api]);
    contexts.push(admin);
    const page = await admin.context.newPage();
    await logIn(page, server.origin);
    // The stories listed are the files of the copy.
    const seedTitle = /^title: "(.*)"$/m.exec(readFileSync(join(copy, "site/stories", SEED), "utf8"))![1]!;
    expect(seedTitle).toMatch(/^Tillerson on Mexico/);
    await page.getByText(seedTitle, { exact: true }).first().waitFor({ timeout: PATIENCE });

    await page.goto(`${server.origin}/admin/#/collections/stories/new`);
    await page.locator('button[title="Add Component"]').waitFor({ timeout: PATIENCE });
    await typeInto(page.locator('input[id^="title-field"]').first(), "Written in the editor");
    const date = page.locator('input[id^="date-field"]');
    await date.fill("2017-05-19");
    await expect.poll(() => date.inputValue(), { timeout: PATIENCE }).toBe("2017-05-19");
    const body = page.locator('[data-slate-editor="true"]');
    await body.click();
    await page.keyboard.type("Words.");
    await addComponent(page, "Quote");
    const quote = body.locator('[data-slate-void="true"]');
    await quote.waitFor({ timeout: PATIENCE });
    await typeInto(quote.getByLabel("Speaker (optional)", { exact: true }), "Luis Videgaray");
    await typeInto(quote.getByLabel("Words (Markdown) (optional)", { exact: true }), "We need to overcome the blame game.");
    await publish(page);
    const file = join(copy, "site/stories/written-in-the-editor.md");
    await expect.poll(() => (existsSync(file) ? readFileSync(file, "utf8") : ""), { timeout: PATIENCE, message: `the story written by decap-server\n${decap.log()}` }).toContain(":::\n");
    const written = readFileSync(file, "utf8");
    expect(written).toBe(`---\ntitle: Written in the editor\ndate: 2017-05-19\n---\nWords.\n\n${writeBlock("quote", { speaker: "Luis Videgaray", text: "We need to overcome the blame game." })}\n`);
    // Only the new story was written; the others are as they were.
    expect(readFileSync(join(copy, "site/stories", SEED), "utf8")).toBe(readFileSync(join(REPOSITORY, "site/stories", SEED), "utf8"));
    expect(admin.requests.some((url) => url.startsWith(decap.api))).toBe(true);
    expect(admin.external).toEqual([]);
  }, 180_000);
});

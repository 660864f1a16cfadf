import { describe, expect, it } from "vitest";
import { asMarkdownSafeBlock, attributes, escapeHtml, escapeXml, html, SafeHtml, trustedHtml } from "../src/html.js";
import { parseFragment } from "./helpers/html.js";

describe("html", () => {
  it("escapes & < > \" ' in interpolated text, in content and in attributes", () => {
    const text = `Tom & "Jerry" <b>'s</b>`;
    const out = html`<p title="${text}">${text}</p>`.toString();
    expect(out).toBe(`<p title="Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;">Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;</p>`);
    const p = parseFragment(out).querySelector("p")!;
    expect(p.textContent).toBe(text);
    expect(p.getAttribute("title")).toBe(text);
    expect(p.children).toHaveLength(0);
  });

  it("does not escape nested html results a second time", () => {
    const inner = html`<b>${"a & b"}</b>`;
    expect(html`<p>${inner}</p>`.toString()).toBe("<p><b>a &amp; b</b></p>");
  });

  it("escapes text that already looks like an entity (text is text)", () => {
    expect(html`${"&amp;"}`.toString()).toBe("&amp;amp;");
  });

  it("joins arrays, escaping the strings and keeping the SafeHtml", () => {
    const items = ["<1>", html`<i>2</i>`, 3, ["nested &"]];
    expect(html`<p>${items}</p>`.toString()).toBe("<p>&lt;1&gt;<i>2</i>3nested &amp;</p>");
  });

  it("omits null, undefined and false but prints 0", () => {
    expect(html`[${null}|${undefined}|${false}|${0}]`.toString()).toBe("[|||0]");
  });

  it("returns SafeHtml, and trustedHtml passes markup through", () => {
    expect(html`x`).toBeInstanceOf(SafeHtml);
    expect(html`<div>${trustedHtml("<em>ok</em>")}</div>`.toString()).toBe("<div><em>ok</em></div>");
  });

  it("escapeHtml escapes every special character", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });
});

describe("attributes", () => {
  it("writes attributes in order, bare for true, and skips false, null and undefined", () => {
    const out = attributes({ controls: true, hidden: false, poster: undefined, title: null, width: 1280, alt: `a "b" & c` }).toString();
    expect(out).toBe(` controls width="1280" alt="a &quot;b&quot; &amp; c"`);
    const video = parseFragment(`<video${out}></video>`).querySelector("video")!;
    expect(video.hasAttribute("controls")).toBe(true);
    expect(video.hasAttribute("hidden")).toBe(false);
    expect(video.getAttribute("alt")).toBe(`a "b" & c`);
  });

  it("writes an empty string as an empty value", () => {
    expect(attributes({ alt: "" }).toString()).toBe(` alt=""`);
  });
});

describe("asMarkdownSafeBlock", () => {
  const code = "first line\n\n\n  indented after blanks\n   \nlast\n";
  const markup = html`
   <figure>

<pre><code>${code}</code></pre>

<p>after</p>
</figure>


`;

  it("starts without indentation, ends with exactly one newline and has no blank line", () => {
    const out = asMarkdownSafeBlock(markup).toString();
    expect(out.startsWith("<figure>")).toBe(true);
    expect(out.endsWith("</figure>\n")).toBe(true);
    expect(out.endsWith("\n\n")).toBe(false);
    for (const line of out.slice(0, -1).split("\n")) expect(line.trim()).not.toBe("");
  });

  it("keeps the text of a <pre> exactly as it was", () => {
    const out = asMarkdownSafeBlock(markup).toString();
    const pre = parseFragment(out).querySelector("pre")!;
    expect(pre.textContent).toBe(code);
    expect(parseFragment(out).querySelector("p")!.textContent).toBe("after");
  });

  it("keeps a <pre> that opens with blank lines equal after parsing", () => {
    const original = "<pre>\n\n\nx\n</pre>";
    const out = asMarkdownSafeBlock(trustedHtml(original)).toString();
    expect(parseFragment(out).querySelector("pre")!.textContent).toBe(parseFragment(original).querySelector("pre")!.textContent);
  });

  it("leaves markup without blank lines alone apart from the final newline", () => {
    expect(asMarkdownSafeBlock(trustedHtml("<p>a</p>\n<p>b</p>")).toString()).toBe("<p>a</p>\n<p>b</p>\n");
  });
});

describe("escapeXml", () => {
  it("escapes as escapeHtml does, and a carriage return, which XML parsers would read as a newline", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`));
    expect(escapeXml("line\r\nnext\ttab")).toBe("line&#13;\nnext\ttab");
  });

  it("in an attribute value, also tab and newline, which XML parsers read there as spaces", () => {
    expect(escapeXml('a\tb\nc\rd"', true)).toBe("a&#9;b&#10;c&#13;d&quot;");
  });
});

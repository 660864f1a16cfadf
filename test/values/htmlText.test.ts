import { describe, expect, it } from "vitest";
import { decodeCharacterReferences, plainTextOfHtml } from "../../src/values/htmlText.js";

describe("plainTextOfHtml", () => {
  it("keeps the words, turns a block's edges into spaces and joins inline elements without one", () => {
    expect(plainTextOfHtml("<p>One <em>w</em>ord.</p><p>Two\nlines<br>here.</p><ul><li>a</li><li>b</li></ul>")).toBe("One word. Two lines here. a b");
  });

  it("decodes character references once, so text that looks like markup comes back as text", () => {
    expect(plainTextOfHtml("<p>Fish &amp; chips &lt;b&gt; &quot;q&quot; &#39;s&#39; &#x2014; &mdash; &nbsp;x &amp;amp;</p>")).toBe("Fish & chips <b> \"q\" 's' — — x &amp;");
  });

  it("leaves out what is not read: scripts, styles, templates, controls, hidden and aria-hidden elements, images, comments", () => {
    const markup =
      '<p>Seen<script>var a = "<p>not</p>";</script><style>p{}</style><template><p>not</p></template></p>' +
      '<p hidden>not</p><span aria-hidden="true">not</span><span aria-hidden="false">shown</span><img src="x.jpg" alt="an image"><!-- not --><button>not</button>';
    expect(plainTextOfHtml(markup)).toBe("Seen shown");
  });

  it("does not mistake a word in an attribute's value for the attribute", () => {
    expect(plainTextOfHtml('<p title="is hidden">kept</p><span data-x=\'aria-hidden="true"\'>kept too</span>')).toBe("kept kept too");
  });

  it("reads only the part asked for, by class, with its nested elements; the whole when no element has the class", () => {
    const article = '<article><header><p><a href="#u">10:00 am</a> <strong>Key event</strong></p><h2>Title</h2></header><div class="x newsroom-update__body"><div><p>The words.</p></div><p>More.</p></div><p class="edited">Updated 11:00 am</p></article>';
    expect(plainTextOfHtml(article, { within: "newsroom-update__body" })).toBe("The words. More.");
    expect(plainTextOfHtml(article, { within: "no-such-class" })).toBe("10:00 am Key event Title The words. More. Updated 11:00 am");
  });
});

describe("decodeCharacterReferences", () => {
  it("decodes decimal, hexadecimal and the common named references; leaves unknown names and replaces what cannot be a character", () => {
    expect(decodeCharacterReferences("&#65;&#x42;&hellip;&rsquo;&unknown;&#0;&#xD800;")).toBe("AB…’&unknown;\ufffd\ufffd");
  });
});

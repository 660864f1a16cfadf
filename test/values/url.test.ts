import { describe, expect, it } from "vitest";
import { InvalidValue } from "../../src/values/fields.js";
import { inspectableUrl, parseSafeUrl } from "../../src/values/url.js";

describe("parseSafeUrl", () => {
  it.each([
    ["https://example.com/video?id=1", "https://example.com/video?id=1"],
    ["/path/to/page", "/path/to/page"],
    ["  /trimmed  ", "/trimmed"],
    ["/media/clip%20one.mp4", "/media/clip%20one.mp4"],
  ])("accepts %j", (written, expected) => {
    expect(parseSafeUrl(written)).toBe(expected);
  });

  it.each([
    ["http://example.com/"],
    ["javascript:alert(1)"],
    ["JavaScript:alert(1)"],
    [" javascript:alert(1)"],
    ["\njavascript:alert(1)"],
    ["java\tscript:alert(1)"],
    ["java\nscript:alert(1)"],
    ["\u0001javascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["vbscript:msgbox(1)"],
    ["//evil.example/path"],
    ["relative/path"],
    ["page.html"],
    ["/a path/with spaces"],
    ["/a\\b"],
    ["/\\evil.example"],
    ["https:\\\\evil.example"],
    ["https://"],
    ["mailto:desk@example.com"],
    [""],
    [42],
    [undefined],
  ])("rejects %j", (written) => {
    expect(() => parseSafeUrl(written)).toThrow(InvalidValue);
  });

  it("names the scheme it refused", () => {
    expect(() => parseSafeUrl("http://example.com/")).toThrow(/"http:"/);
    expect(() => parseSafeUrl("java\tscript:alert(1)")).toThrow(/control characters/);
  });
});

describe("inspectableUrl", () => {
  it("resolves site paths against a dummy origin and keeps absolute addresses", () => {
    expect(inspectableUrl("/media/x.mp4").pathname).toBe("/media/x.mp4");
    expect(inspectableUrl("https://youtu.be/abc").hostname).toBe("youtu.be");
  });
});

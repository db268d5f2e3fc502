import { describe, expect, it } from "vitest";
import { pageHead } from "../page-head.mjs";

type HeadTag = { tag: string; attrs: Record<string, string>; injectTo: string };
const transform = (html: string) =>
  (pageHead() as unknown as { transformIndexHtml(html: string): { html: string; tags: HeadTag[] } }).transformIndexHtml(html);

describe("the pages' common head", () => {
  it("gives a page that names only its title the language, character set, viewport and favicon, first in its head", () => {
    const { html, tags } = transform("<!doctype html>\n<html>\n  <head>\n    <title>dtpilot · 试点企业</title>\n  </head>\n</html>");
    expect(html).toContain('<html lang="zh-CN">');
    expect(tags.map((tag) => tag.attrs)).toEqual([
      { charset: "UTF-8" },
      { name: "viewport", content: "width=device-width, initial-scale=1.0" },
      { rel: "icon", type: "image/svg+xml", href: "/favicon.svg" },
    ]);
    expect(tags.every((tag) => tag.injectTo === "head-prepend")).toBe(true);
  });

  it("keeps a language the page sets itself", () => {
    expect(transform('<html lang="en"><head></head></html>').html).toBe('<html lang="en"><head></head></html>');
  });
});

import { ImageResponse } from "next/og";
import { createElement } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { drawableText } from "@/lib/seo/drawable-text";

describe("drawableText", () => {
  it("keeps what the preview font draws, Latin and Cyrillic, curly quotes and dashes", () => {
    expect(drawableText("Café “déjà vu” — Привет… ok")).toBe("Café “déjà vu” — Привет… ok");
  });

  it("leaves out emoji and scripts the font lacks, and strips accents it has no letter for", () => {
    expect(drawableText("Birds 🐦 sing 鳥 ǅ ẑ\u200d")).toBe("Birds sing Dz z");
  });

  it("gives text that renders to a PNG without touching the network", async () => {
    // The renderer loads its own WebAssembly from data: URLs; anything else would be the network.
    const realFetch = globalThis.fetch;
    const network: string[] = [];
    vi.stubGlobal("fetch", (input: string | URL | Request, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith("data:")) return realFetch(input, init);
      network.push(url);
      return Promise.reject(new Error("no network in a preview"));
    });
    const render = async (text: string) => {
      const image = new ImageResponse(createElement("div", { style: { display: "flex", fontSize: 40 } }, text), { width: 600, height: 100 });
      return Buffer.from(await image.arrayBuffer());
    };
    const raw = "Émoji 😀 and 日本語 and עברית, still drawn";
    const png = await render(drawableText(raw));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(network).toEqual([]);
    // The control: the same text unfiltered reaches for the network (and, offline, fails).
    vi.spyOn(console, "error").mockImplementation(() => {});
    await render(raw).catch(() => undefined);
    expect(network.length).toBeGreaterThan(0);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

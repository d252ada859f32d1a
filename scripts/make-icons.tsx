// Draws the site's icons from its mark (lib/seo/icons.ts) into app/, where Next's icon file
// conventions serve them: icon.svg (browsers), apple-icon.png (home screens, and the logo in
// structured data) and favicon.ico (what browsers ask for when a page names no icon). Run it after
// changing the mark: npx tsx scripts/make-icons.tsx
import { writeFileSync } from "node:fs";
import path from "node:path";
import { ImageResponse } from "next/og";
import { APPLE_ICON_SIZE, markSvg } from "../lib/seo/icons";

const app = path.resolve(__dirname, "..", "app");

async function png(size: number, { padding = 0, background }: { padding?: number; background?: string } = {}): Promise<Buffer> {
  const src = `data:image/svg+xml;base64,${Buffer.from(markSvg()).toString("base64")}`;
  const inner = size - 2 * padding;
  const image = new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", alignItems: "center", justifyContent: "center", background: background ?? "transparent" }}>
        {/* eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- drawn into a PNG, never a page */}
        <img src={src} width={inner} height={inner} />
      </div>
    ),
    { width: size, height: size },
  );
  return Buffer.from(await image.arrayBuffer());
}

/** An .ico holding PNG images (every browser since IE's last years reads them). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

async function main() {
  writeFileSync(path.join(app, "icon.svg"), `${markSvg()}\n`);
  // A home-screen icon is shown on a tile of its own: an opaque background, the mark inset.
  writeFileSync(path.join(app, "apple-icon.png"), await png(APPLE_ICON_SIZE, { padding: 18, background: "#fbfaf7" }));
  writeFileSync(path.join(app, "favicon.ico"), ico([{ size: 16, data: await png(16) }, { size: 32, data: await png(32) }, { size: 48, data: await png(48) }]));
  console.log("Wrote app/icon.svg, app/apple-icon.png and app/favicon.ico");
}

void main();

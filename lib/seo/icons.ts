// The site's mark: a "D" in a speech bubble (articles and the talk under them), in the accent
// colour. scripts/make-icons.ts draws app/icon.svg, app/apple-icon.png and app/favicon.ico from it.
export const APPLE_ICON_SIZE = 180;

const BUBBLE = "M10 4H54A8 8 0 0 1 62 12V44A8 8 0 0 1 54 52H28L15 62V52H10A8 8 0 0 1 2 44V12A8 8 0 0 1 10 4Z";
const LETTER_D = "M20 13H31A15 15 0 0 1 31 43H20ZM27 20V36H30.5A8 8 0 0 0 30.5 20Z";

export function markSvg({ background = "#a3341f", foreground = "#ffffff" } = {}): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">',
    `<path fill="${background}" d="${BUBBLE}"/>`,
    `<path fill="${foreground}" fill-rule="evenodd" d="${LETTER_D}"/>`,
    "</svg>",
  ].join("");
}

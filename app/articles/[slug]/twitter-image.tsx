// The same picture as the Open Graph one (X reads its own tag). Route options are declared here
// again: Next reads them from each route file itself.
export { default } from "./opengraph-image";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}
export const alt = "The article's title, dept line and comment count";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

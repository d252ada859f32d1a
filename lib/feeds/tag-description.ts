/** What a tag's page and feed say they hold: their own description, not the site's. */
export function tagDescription(tagName: string, siteName: string): string {
  return `Every ${siteName} article filed under ${tagName}, newest first, with the discussion each one started.`;
}

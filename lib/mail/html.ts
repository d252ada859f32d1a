// The HTML half of every mail the site sends: text made safe for it, and one plain page around it.

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function htmlDocument(body: string): string {
  return `<!doctype html><html><body style="font-family:Georgia,serif;line-height:1.5;max-width:40rem;margin:0 auto;padding:1rem;color:#1d1f23">${body}</body></html>`;
}

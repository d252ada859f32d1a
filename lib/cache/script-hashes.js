// @ts-check
const { createHash } = require("node:crypto");
const { BASE_POLICY } = require("../http/base-policy");

// A cached page is the same HTML for every reader, so it cannot carry a per-request nonce.
// Its own inline scripts (React's flight data, Next's bootstrap) are known once it has been
// rendered, though: a policy allowing exactly those, by hash, stops any other inline script, an
// event-handler attribute or a javascript: URL that got into the page — and anything stored
// after the render is in a later render with its own list.

// React and Next never write "</script" inside a script (they escape it), and a comment's text
// is escaped by React, so the first "</script" after an opening tag closes it.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SRC = /(?:^|\s)src\s*=/i;

/**
 * The sha256 sources of the page's inline scripts, each once, in page order.
 * @param {string} html
 * @returns {string[]}
 */
function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes, text] of html.matchAll(SCRIPT)) {
    if (SRC.test(attributes) || text.length === 0) continue;
    // Browsers hash the script's text after the HTML parser has turned CRLF and CR into LF.
    const normalized = text.replace(/\r\n?/g, "\n");
    hashes.add(`'sha256-${createHash("sha256").update(normalized, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/**
 * The whole policy of a cached page: the base policy, scripts from this site's own files, and
 * the page's inline scripts by hash. No 'strict-dynamic': it would make the browser ignore
 * 'self' and refuse Next's script files, which carry no integrity hash to match.
 * @param {string} html
 * @returns {string}
 */
function hashPolicyFor(html) {
  return `${BASE_POLICY}; script-src 'self' ${inlineScriptHashes(html).join(" ")}`.trimEnd();
}

module.exports = { inlineScriptHashes, hashPolicyFor };

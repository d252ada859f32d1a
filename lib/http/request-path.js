// @ts-check
// A request whose path is not valid percent-encoded UTF-8 (/articles/%ff) names no page: Next
// fails decoding it deep inside routing and answers 500. The HTTP server (scripts/serve.mjs)
// answers it 400 first, for every route alike. CommonJS so that server, which Node loads
// unbundled, shares it with the TypeScript code and its tests.

/**
 * @param {string | undefined} url the request target, e.g. "/articles/a%20b?view=flat"
 * @returns {boolean} whether its path decodes
 */
function isDecodablePath(url) {
  const target = url ?? "/";
  const end = target.search(/[?#]/);
  try {
    decodeURIComponent(end === -1 ? target : target.slice(0, end));
    return true;
  } catch {
    return false;
  }
}

const BAD_PATH_PAGE = `<!doctype html>
<html lang="en"><meta charset="utf-8"><meta name="robots" content="noindex"><title>Bad request</title>
<h1>Bad request</h1>
<p>This address is not a valid web address: it has a broken %-escape.</p>
<p><a href="/">Back to the front page</a></p>
</html>
`;

/** The answer to a request whose path does not decode: 400, with a small page and no scripts. */
const BAD_PATH_RESPONSE = {
  status: 400,
  headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" },
  body: BAD_PATH_PAGE,
};

module.exports = { isDecodablePath, BAD_PATH_RESPONSE };

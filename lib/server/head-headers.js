// @ts-check
// For wrappers of res.writeHead that must see every header of the response (lib/server/
// http-caching.js, lib/server/page-replay.js): writeHead(status, [message], [headers]) may carry
// headers of its own, which count as set.

/**
 * Moves a headers object given to writeHead onto the response, leaving `args` without it. A raw
 * header array is left in place.
 * @param {import("node:http").ServerResponse} res
 * @param {any[]} args writeHead's arguments after the status, changed in place
 */
function mergeHeadHeaders(res, args) {
  const headers = args.at(-1);
  if (!headers || typeof headers !== "object" || Array.isArray(headers)) return;
  args.pop();
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
}

module.exports = { mergeHeadHeaders };

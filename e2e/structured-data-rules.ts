// A structured-data check that runs offline: the schema.org vocabulary the site uses (every key
// must be a property of its type, so a misspelt "datecreated" is caught) and the rules Google
// documents for rich results:
// - Article (developers.google.com/search/docs/appearance/structured-data/article): headline,
//   image (crawlable absolute URLs), datePublished and dateModified in ISO 8601 with a time zone,
//   author with a name (and a url), publisher an Organization with a name and a logo.
// - Discussion forum / Comment (…/structured-data/discussion-forum): each comment has an author
//   with a name, datePublished, and its text; url and dateModified are recommended.
// It takes an item in JSON-LD's shape: the page's microdata, read by e2e/microdata.ts. Microdata
// values are text and a property given once is not a list, so a whole number may come as its
// digits and `comment` as one item. Used by tests/seo/microdata.test.ts and by
// e2e/structured-data.spec.ts on the page as served. Plain TypeScript with no imports.

type Json = Record<string, unknown>;

// schema.org properties of each type (with those inherited from CreativeWork / Thing) that the
// site may use. Anything else is reported: an unknown key is silently ignored by search engines.
const THING = ["@type", "@id", "name", "url", "description", "image", "sameAs"];
const CREATIVE_WORK = [...THING, "author", "dateCreated", "datePublished", "dateModified", "text", "headline", "keywords", "publisher", "comment", "commentCount", "mainEntityOfPage", "inLanguage", "about", "isPartOf", "discussionUrl"];
const PROPERTIES: Record<string, string[]> = {
  NewsArticle: ["@context", ...CREATIVE_WORK, "articleBody", "articleSection", "wordCount", "dateline"],
  Comment: [...CREATIVE_WORK, "parentItem", "upvoteCount", "downvoteCount"],
  Person: [...THING],
  Organization: [...THING, "logo"],
  ImageObject: [...THING, "contentUrl", "width", "height", "caption"],
};

// ISO 8601 date-time with seconds and an explicit zone (Z or ±hh:mm), as Google asks.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
const isWholeNumber = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v >= 0) || (typeof v === "string" && /^\d+$/.test(v));

function isAbsoluteUrl(v: unknown): boolean {
  if (typeof v !== "string") return false;
  try {
    const url = new URL(v);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function checkKeys(node: Json, where: string, problems: string[]): void {
  const type = String(node["@type"]);
  const known = PROPERTIES[type];
  if (!known) return void problems.push(`${where}: @type ${JSON.stringify(node["@type"])} is not one this check knows`);
  for (const key of Object.keys(node)) if (!known.includes(key)) problems.push(`${where}: "${key}" is not a schema.org property of ${type}`);
}

function checkDate(node: Json, key: string, where: string, problems: string[], required = true): void {
  const value = node[key];
  if (value === undefined && !required) return;
  if (typeof value !== "string" || !ISO_WITH_ZONE.test(value) || Number.isNaN(Date.parse(value))) {
    problems.push(`${where}: ${key} must be an ISO 8601 date-time with a time zone (got ${JSON.stringify(value)})`);
  }
}

function checkAgent(value: unknown, where: string, problems: string[], types = ["Person", "Organization"]): void {
  if (!isObject(value)) return void problems.push(`${where}: must be an object with @type ${types.join(" or ")}`);
  if (!types.includes(String(value["@type"]))) problems.push(`${where}: @type must be ${types.join(" or ")}`);
  checkKeys(value, where, problems);
  if (!isText(value.name)) problems.push(`${where}: needs a name`);
  if (value.url !== undefined && !isAbsoluteUrl(value.url)) problems.push(`${where}: url must be absolute`);
}

function checkImageObject(value: unknown, where: string, problems: string[]): void {
  if (!isObject(value) || value["@type"] !== "ImageObject") return void problems.push(`${where}: must be an ImageObject`);
  checkKeys(value, where, problems);
  if (!isAbsoluteUrl(value.url)) problems.push(`${where}: url must be absolute`);
  for (const key of ["width", "height"]) if (value[key] !== undefined && !(isWholeNumber(value[key]) && Number(value[key]) > 0)) problems.push(`${where}: ${key} must be a positive integer`);
}

export function commentProblems(comment: unknown, where: string): string[] {
  const problems: string[] = [];
  if (!isObject(comment) || comment["@type"] !== "Comment") return [`${where}: must be a Comment`];
  checkKeys(comment, where, problems);
  checkAgent(comment.author, `${where}.author`, problems);
  checkDate(comment, "datePublished", where, problems);
  checkDate(comment, "dateCreated", where, problems, false);
  checkDate(comment, "dateModified", where, problems, false);
  if (!isText(comment.text)) problems.push(`${where}: needs its text`);
  if (!isAbsoluteUrl(comment.url)) problems.push(`${where}: url must be the comment's absolute address`);
  if (typeof comment.text === "string" && /<[a-z!/]/i.test(comment.text)) problems.push(`${where}: text carries markup`);
  return problems;
}

/** The item's comments as a list (none, one or many). */
export function commentsOf(data: Json): unknown[] {
  return data.comment === undefined ? [] : Array.isArray(data.comment) ? data.comment : [data.comment];
}

/** What is wrong with a NewsArticle block, as a list of readable problems (empty when valid). */
export function newsArticleProblems(data: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(data)) return ["the block is not a JSON object"];
  if (data["@context"] !== "https://schema.org") problems.push('@context must be "https://schema.org"');
  if (data["@type"] !== "NewsArticle") problems.push("@type must be NewsArticle");
  checkKeys(data, "NewsArticle", problems);
  if (!isText(data.headline)) problems.push("headline is missing");
  const images = Array.isArray(data.image) ? data.image : [data.image];
  if (images.length === 0 || !images.every(isAbsoluteUrl)) problems.push("image must be one or more absolute URLs");
  checkDate(data, "datePublished", "NewsArticle", problems);
  checkDate(data, "dateModified", "NewsArticle", problems);
  if (typeof data.datePublished === "string" && typeof data.dateModified === "string" && Date.parse(data.dateModified) < Date.parse(data.datePublished)) {
    problems.push("dateModified is before datePublished");
  }
  checkAgent(data.author, "author", problems);
  checkAgent(data.publisher, "publisher", problems, ["Organization"]);
  if (isObject(data.publisher)) checkImageObject(data.publisher.logo, "publisher.logo", problems);
  if (data.mainEntityOfPage !== undefined && !isAbsoluteUrl(data.mainEntityOfPage)) problems.push("mainEntityOfPage must be absolute");
  if (data.commentCount !== undefined && !isWholeNumber(data.commentCount)) problems.push("commentCount must be a whole number");
  if (data.comment !== undefined) commentsOf(data).forEach((c, i) => problems.push(...commentProblems(c, `comment[${i}]`)));
  return problems;
}

// Field limits the article form shares with its schemas, apart from zod so the client form can
// use them without shipping zod to the browser.
export const TITLE_MAX = 200;
export const DEPT_MAX = 120;
export const BODY_MAX = 100_000;
export const EXCERPT_MAX = 300;
export const TAG_MAX = 40;
export const TAGS_MAX = 10;

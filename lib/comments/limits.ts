// Limits and field names the comment forms share with their schemas. Kept apart from the zod
// schemas so the client forms can use them without shipping zod to every reader's browser.

// A field people never see; bots that fill every input fill it too.
export const HONEYPOT_FIELD = "homepage";

export const SUBJECT_MAX = 120;
export const BODY_MAX = 10_000;

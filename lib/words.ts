// Words the site shows in more than one place, spelled once. Plain constants: pages, client
// components and the database code all import them.

/** How a comment posted without a name is signed. */
export const ANONYMOUS_NAME = "Anonymous Coward";

/** How a member who deleted their account is shown, and the name their tombstoned row keeps. */
export const DELETED_USER_NAME = "Deleted user";

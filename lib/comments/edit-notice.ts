// Where a delete lands: the article's discussion, at a notice the page always carries and shows
// only when the address points at it (CSS :target). The cached page stays the same for every
// reader, and the notice works without JavaScript.
export const DELETED_NOTICE_ID = "deleted-notice";
export const DELETED_NOTICE = "Your comment was deleted.";

export const deletedNoticeHref = (articleSlug: string) => `/articles/${articleSlug}#${DELETED_NOTICE_ID}`;

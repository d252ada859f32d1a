// The text keys of a Follow row (prisma/models.prisma): non-null columns, so the unique
// constraint (followerKey, target) holds on both databases.
export const memberKey = (userId: string) => `u:${userId}`;
export const addressKey = (mailAddressId: string) => `m:${mailAddressId}`;
export const targetKey = (articleId: string, commentId?: string) => (commentId ? `comment:${commentId}` : `article:${articleId}`);

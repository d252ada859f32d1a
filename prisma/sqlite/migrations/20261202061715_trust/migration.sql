-- CreateTable
CREATE TABLE "EmailVerification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailVerification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NetworkBan" (
    "network" TEXT NOT NULL PRIMARY KEY,
    "reason" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EmailBan" (
    "emailHash" TEXT NOT NULL PRIMARY KEY,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "parentId" TEXT,
    "rootId" TEXT,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "authorId" TEXT,
    "anonName" TEXT,
    "anonEmail" TEXT,
    "anonWebsite" TEXT,
    "anonTag" TEXT,
    "visitorKey" TEXT,
    "network" TEXT,
    "subject" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'published',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" DATETIME,
    "deletedAt" DATETIME,
    "removedReason" TEXT,
    "insightfulCount" INTEGER NOT NULL DEFAULT 0,
    "funnyCount" INTEGER NOT NULL DEFAULT 0,
    "insightfulWeight" INTEGER NOT NULL DEFAULT 0,
    "funnyWeight" INTEGER NOT NULL DEFAULT 0,
    "flagWeight" INTEGER NOT NULL DEFAULT 0,
    "flagWeightApproved" INTEGER NOT NULL DEFAULT 0,
    "hiddenBy" TEXT,
    CONSTRAINT "Comment_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Comment" ("anonEmail", "anonName", "anonTag", "anonWebsite", "articleId", "authorId", "body", "createdAt", "deletedAt", "depth", "editedAt", "flagWeight", "flagWeightApproved", "funnyCount", "hiddenBy", "id", "insightfulCount", "parentId", "removedReason", "rootId", "status", "subject", "visitorKey") SELECT "anonEmail", "anonName", "anonTag", "anonWebsite", "articleId", "authorId", "body", "createdAt", "deletedAt", "depth", "editedAt", "flagWeight", "flagWeightApproved", "funnyCount", "hiddenBy", "id", "insightfulCount", "parentId", "removedReason", "rootId", "status", "subject", "visitorKey" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE INDEX "Comment_articleId_createdAt_idx" ON "Comment"("articleId", "createdAt");
CREATE INDEX "Comment_articleId_rootId_idx" ON "Comment"("articleId", "rootId");
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");
CREATE INDEX "Comment_authorId_createdAt_idx" ON "Comment"("authorId", "createdAt");
CREATE INDEX "Comment_status_createdAt_idx" ON "Comment"("status", "createdAt");
CREATE TABLE "new_Flag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commentId" TEXT NOT NULL,
    "voterKey" TEXT NOT NULL,
    "voterKind" TEXT NOT NULL,
    "userId" TEXT,
    "reason" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "trust" TEXT NOT NULL DEFAULT 'member',
    "network" TEXT,
    "verdict" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Flag_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Flag_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Flag" ("commentId", "createdAt", "id", "reason", "userId", "voterKey", "voterKind", "weight") SELECT "commentId", "createdAt", "id", "reason", "userId", "voterKey", "voterKind", "weight" FROM "Flag";
DROP TABLE "Flag";
ALTER TABLE "new_Flag" RENAME TO "Flag";
CREATE INDEX "Flag_voterKey_idx" ON "Flag"("voterKey");
CREATE UNIQUE INDEX "Flag_commentId_voterKey_key" ON "Flag"("commentId", "voterKey");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" TEXT NOT NULL DEFAULT 'reader',
    "bio" TEXT NOT NULL DEFAULT '',
    "credits" INTEGER NOT NULL DEFAULT 0,
    "bannedAt" DATETIME,
    "emailVerifiedAt" DATETIME,
    "trustLevel" TEXT,
    "flagsUpheld" INTEGER NOT NULL DEFAULT 0,
    "flagsRejected" INTEGER NOT NULL DEFAULT 0,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("bannedAt", "bio", "createdAt", "credits", "deletedAt", "email", "handle", "id", "name", "passwordHash", "role", "updatedAt") SELECT "bannedAt", "bio", "createdAt", "credits", "deletedAt", "email", "handle", "id", "name", "passwordHash", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_handle_key" ON "User"("handle");
CREATE INDEX "User_role_idx" ON "User"("role");
CREATE INDEX "User_createdAt_idx" ON "User"("createdAt");
CREATE TABLE "new_Vote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "voterKey" TEXT NOT NULL,
    "userId" TEXT,
    "trust" TEXT NOT NULL DEFAULT 'member',
    "weight" INTEGER NOT NULL DEFAULT 1,
    "network" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Vote_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Vote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Vote" ("commentId", "createdAt", "id", "kind", "userId", "voterKey") SELECT "commentId", "createdAt", "id", "kind", "userId", "voterKey" FROM "Vote";
DROP TABLE "Vote";
ALTER TABLE "new_Vote" RENAME TO "Vote";
CREATE INDEX "Vote_voterKey_idx" ON "Vote"("voterKey");
CREATE UNIQUE INDEX "Vote_commentId_kind_voterKey_key" ON "Vote"("commentId", "kind", "voterKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "EmailVerification_tokenHash_key" ON "EmailVerification"("tokenHash");

-- CreateIndex
CREATE INDEX "EmailVerification_userId_idx" ON "EmailVerification"("userId");

-- Backfill (written by hand): what was there before trust existed keeps its meaning. Existing
-- ratings each counted 1, so the weights start at the counts and no badge disappears. Existing
-- accounts were accepted under the old rules, so they count as verified.
UPDATE "Comment" SET "insightfulWeight" = "insightfulCount", "funnyWeight" = "funnyCount";
UPDATE "User" SET "emailVerifiedAt" = "createdAt" WHERE "emailVerifiedAt" IS NULL;

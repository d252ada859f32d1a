-- CreateTable
CREATE TABLE "MailAddress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "confirmToken" TEXT NOT NULL,
    "unsubscribeToken" TEXT NOT NULL,
    "confirmedAt" DATETIME,
    "stoppedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Follow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "followerKey" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "userId" TEXT,
    "mailAddressId" TEXT,
    "articleId" TEXT NOT NULL,
    "commentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Follow_mailAddressId_fkey" FOREIGN KEY ("mailAddressId") REFERENCES "MailAddress" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Follow_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Follow_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "mailAddressId" TEXT,
    "kind" TEXT NOT NULL,
    "commentId" TEXT,
    "articleId" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    "mailState" TEXT NOT NULL DEFAULT 'none',
    "mailDueAt" DATETIME,
    "mailAttempts" INTEGER NOT NULL DEFAULT 0,
    "mailClaim" TEXT,
    "mailClaimedAt" DATETIME,
    "mailSentAt" DATETIME,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_mailAddressId_fkey" FOREIGN KEY ("mailAddressId") REFERENCES "MailAddress" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MailLock" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "token" TEXT NOT NULL,
    "lockedUntil" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "notifyReplies" BOOLEAN NOT NULL DEFAULT true,
    "notifyFollowed" BOOLEAN NOT NULL DEFAULT true,
    "notifyMailMode" TEXT NOT NULL DEFAULT 'instant',
    "notifyToken" TEXT,
    "repliesFeedToken" TEXT,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("bannedAt", "bio", "createdAt", "credits", "deletedAt", "email", "emailVerifiedAt", "flagsRejected", "flagsUpheld", "handle", "id", "name", "passwordHash", "role", "trustLevel", "updatedAt") SELECT "bannedAt", "bio", "createdAt", "credits", "deletedAt", "email", "emailVerifiedAt", "flagsRejected", "flagsUpheld", "handle", "id", "name", "passwordHash", "role", "trustLevel", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_handle_key" ON "User"("handle");
CREATE UNIQUE INDEX "User_notifyToken_key" ON "User"("notifyToken");
CREATE UNIQUE INDEX "User_repliesFeedToken_key" ON "User"("repliesFeedToken");
CREATE INDEX "User_role_idx" ON "User"("role");
CREATE INDEX "User_createdAt_idx" ON "User"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "MailAddress_email_key" ON "MailAddress"("email");

-- CreateIndex
CREATE UNIQUE INDEX "MailAddress_confirmToken_key" ON "MailAddress"("confirmToken");

-- CreateIndex
CREATE UNIQUE INDEX "MailAddress_unsubscribeToken_key" ON "MailAddress"("unsubscribeToken");

-- CreateIndex
CREATE INDEX "Follow_articleId_idx" ON "Follow"("articleId");

-- CreateIndex
CREATE INDEX "Follow_commentId_idx" ON "Follow"("commentId");

-- CreateIndex
CREATE INDEX "Follow_userId_idx" ON "Follow"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_followerKey_target_key" ON "Follow"("followerKey", "target");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_mailState_mailDueAt_idx" ON "Notification"("mailState", "mailDueAt");

-- CreateIndex
CREATE INDEX "Notification_commentId_idx" ON "Notification"("commentId");

-- CreateIndex
CREATE INDEX "Notification_mailAddressId_idx" ON "Notification"("mailAddressId");

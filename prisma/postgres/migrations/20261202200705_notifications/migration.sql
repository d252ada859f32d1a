-- AlterTable
ALTER TABLE "User" ADD COLUMN     "notifyFollowed" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notifyMailMode" TEXT NOT NULL DEFAULT 'instant',
ADD COLUMN     "notifyReplies" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notifyToken" TEXT,
ADD COLUMN     "repliesFeedToken" TEXT;

-- CreateTable
CREATE TABLE "MailAddress" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "confirmToken" TEXT NOT NULL,
    "unsubscribeToken" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "stoppedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailAddress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Follow" (
    "id" TEXT NOT NULL,
    "followerKey" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "userId" TEXT,
    "mailAddressId" TEXT,
    "articleId" TEXT NOT NULL,
    "commentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "mailAddressId" TEXT,
    "kind" TEXT NOT NULL,
    "commentId" TEXT,
    "articleId" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "mailState" TEXT NOT NULL DEFAULT 'none',
    "mailDueAt" TIMESTAMP(3),
    "mailAttempts" INTEGER NOT NULL DEFAULT 0,
    "mailClaim" TEXT,
    "mailClaimedAt" TIMESTAMP(3),
    "mailSentAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailLock" (
    "key" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "lockedUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailLock_pkey" PRIMARY KEY ("key")
);

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

-- CreateIndex
CREATE UNIQUE INDEX "User_notifyToken_key" ON "User"("notifyToken");

-- CreateIndex
CREATE UNIQUE INDEX "User_repliesFeedToken_key" ON "User"("repliesFeedToken");

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_mailAddressId_fkey" FOREIGN KEY ("mailAddressId") REFERENCES "MailAddress"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_mailAddressId_fkey" FOREIGN KEY ("mailAddressId") REFERENCES "MailAddress"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

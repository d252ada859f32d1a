-- CreateIndex
CREATE INDEX "Comment_visitorKey_articleId_createdAt_idx" ON "Comment"("visitorKey", "articleId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_network_articleId_createdAt_idx" ON "Comment"("network", "articleId", "createdAt");

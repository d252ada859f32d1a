-- CreateTable
CREATE TABLE "ArticleLegacyUrl" (
    "path" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleLegacyUrl_pkey" PRIMARY KEY ("path")
);

-- CreateIndex
CREATE INDEX "ArticleLegacyUrl_articleId_idx" ON "ArticleLegacyUrl"("articleId");

-- AddForeignKey
ALTER TABLE "ArticleLegacyUrl" ADD CONSTRAINT "ArticleLegacyUrl_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "RateLimitBucket";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "RateLimitSlot" (
    "key" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL,

    PRIMARY KEY ("key", "slot")
);

-- CreateIndex
CREATE INDEX "RateLimitSlot_expiresAt_idx" ON "RateLimitSlot"("expiresAt");

-- DropTable
DROP TABLE "RateLimitBucket";

-- CreateTable
CREATE TABLE "RateLimitSlot" (
    "key" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitSlot_pkey" PRIMARY KEY ("key","slot")
);

-- CreateIndex
CREATE INDEX "RateLimitSlot_expiresAt_idx" ON "RateLimitSlot"("expiresAt");

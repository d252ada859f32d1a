-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "funnyWeight" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "insightfulWeight" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "network" TEXT;

-- AlterTable
ALTER TABLE "Flag" ADD COLUMN     "network" TEXT,
ADD COLUMN     "trust" TEXT NOT NULL DEFAULT 'member',
ADD COLUMN     "verdict" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "flagsRejected" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "flagsUpheld" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "trustLevel" TEXT;

-- AlterTable
ALTER TABLE "Vote" ADD COLUMN     "network" TEXT,
ADD COLUMN     "trust" TEXT NOT NULL DEFAULT 'member',
ADD COLUMN     "weight" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "EmailVerification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkBan" (
    "network" TEXT NOT NULL,
    "reason" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkBan_pkey" PRIMARY KEY ("network")
);

-- CreateTable
CREATE TABLE "EmailBan" (
    "emailHash" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailBan_pkey" PRIMARY KEY ("emailHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailVerification_tokenHash_key" ON "EmailVerification"("tokenHash");

-- CreateIndex
CREATE INDEX "EmailVerification_userId_idx" ON "EmailVerification"("userId");

-- AddForeignKey
ALTER TABLE "EmailVerification" ADD CONSTRAINT "EmailVerification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill (written by hand): what was there before trust existed keeps its meaning. Existing
-- ratings each counted 1, so the weights start at the counts and no badge disappears. Existing
-- accounts were accepted under the old rules, so they count as verified.
UPDATE "Comment" SET "insightfulWeight" = "insightfulCount", "funnyWeight" = "funnyCount";
UPDATE "User" SET "emailVerifiedAt" = "createdAt" WHERE "emailVerifiedAt" IS NULL;

-- AlterTable
ALTER TABLE "SdtmRecord" ADD COLUMN     "edited" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "key" TEXT NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "SdtmRecord_studyId_domain_key_key" ON "SdtmRecord"("studyId", "domain", "key");

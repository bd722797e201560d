-- AlterTable
ALTER TABLE "Encounter" ADD COLUMN     "sourceId" TEXT;

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "workerId" TEXT NOT NULL,
    "processId" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "lastSeen" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("workerId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Encounter_sourceId_key" ON "Encounter"("sourceId");

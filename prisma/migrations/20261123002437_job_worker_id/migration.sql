-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "workerId" TEXT;

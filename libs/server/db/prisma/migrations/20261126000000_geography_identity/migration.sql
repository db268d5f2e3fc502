-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Region" AS ENUM ('SOUTH', 'CENTRAL', 'NORTH');

-- CreateEnum
CREATE TYPE "CountyKind" AS ENUM ('DISTRICT', 'COUNTY_CITY', 'COUNTY');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PROVINCE_ADMIN', 'REVIEWER', 'CITY_OFFICER', 'COUNTY_ADMIN', 'ENTERPRISE_USER', 'PROVIDER_USER');

-- CreateEnum
CREATE TYPE "ProviderCapability" AS ENUM ('COMPREHENSIVE', 'INDUSTRY', 'SCENARIO');

-- CreateEnum
CREATE TYPE "ProviderIndustry" AS ENUM ('SMART_EQUIPMENT', 'INDUSTRIAL_SOFTWARE', 'NETWORK_COMPUTING');

-- CreateEnum
CREATE TYPE "ProviderOrigin" AS ENUM ('LOCAL', 'EXTERNAL');

-- CreateTable
CREATE TABLE "City" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" "Region" NOT NULL,

    CONSTRAINT "City_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "County" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CountyKind" NOT NULL,
    "cityCode" TEXT NOT NULL,

    CONSTRAINT "County_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Batch" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,

    CONSTRAINT "Batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PilotCounty" (
    "id" UUID NOT NULL,
    "countyId" TEXT NOT NULL,
    "batchId" UUID NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PilotCounty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enterprise" (
    "id" UUID NOT NULL,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "creditCode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Provider" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "creditCode" TEXT NOT NULL,
    "capability" "ProviderCapability" NOT NULL,
    "industry" "ProviderIndustry" NOT NULL,
    "origin" "ProviderOrigin" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProviderCounty" (
    "id" UUID NOT NULL,
    "countyId" TEXT NOT NULL,
    "providerId" UUID NOT NULL,
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProviderCounty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "cityCode" TEXT,
    "countyId" TEXT,
    "enterpriseId" UUID,
    "providerId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewerAssignment" (
    "id" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "countyId" TEXT NOT NULL,
    "batchId" UUID NOT NULL,

    CONSTRAINT "ReviewerAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "County_cityCode_idx" ON "County"("cityCode");

-- CreateIndex
CREATE UNIQUE INDEX "Batch_name_key" ON "Batch"("name");

-- CreateIndex
CREATE INDEX "PilotCounty_countyId_idx" ON "PilotCounty"("countyId");

-- CreateIndex
CREATE UNIQUE INDEX "PilotCounty_batchId_countyId_key" ON "PilotCounty"("batchId", "countyId");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_creditCode_key" ON "Enterprise"("creditCode");

-- CreateIndex
CREATE INDEX "Enterprise_countyId_idx" ON "Enterprise"("countyId");

-- CreateIndex
CREATE UNIQUE INDEX "Provider_creditCode_key" ON "Provider"("creditCode");

-- CreateIndex
CREATE INDEX "ProviderCounty_countyId_idx" ON "ProviderCounty"("countyId");

-- CreateIndex
CREATE UNIQUE INDEX "ProviderCounty_providerId_countyId_key" ON "ProviderCounty"("providerId", "countyId");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_role_key" ON "Membership"("userId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewerAssignment_membershipId_countyId_batchId_key" ON "ReviewerAssignment"("membershipId", "countyId", "batchId");

-- AddForeignKey
ALTER TABLE "County" ADD CONSTRAINT "County_cityCode_fkey" FOREIGN KEY ("cityCode") REFERENCES "City"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotCounty" ADD CONSTRAINT "PilotCounty_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotCounty" ADD CONSTRAINT "PilotCounty_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderCounty" ADD CONSTRAINT "ProviderCounty_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderCounty" ADD CONSTRAINT "ProviderCounty_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_cityCode_fkey" FOREIGN KEY ("cityCode") REFERENCES "City"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewerAssignment" ADD CONSTRAINT "ReviewerAssignment_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewerAssignment" ADD CONSTRAINT "ReviewerAssignment_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewerAssignment" ADD CONSTRAINT "ReviewerAssignment_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


// Shared test records. Not a test file itself (no .test suffix).
import type { RecordValues } from '../../src/domain/schema/types';

export const validAsset: RecordValues = {
  Title: 'Registration database',
  description: 'Registration of arrivals at transit centres.',
  assetType: 'Database or system',
  mission: 'kenya',
  region: 'africa',
  domain: 'Beneficiary and case management',
  owner: 'owner@example.org',
  custodian: 'amina.diallo@example.org',
  location: 'Cloud service',
  sensitivity: 'Confidential',
  containsPersonalData: true,
  dataSubjects: ['Beneficiaries and migrants'],
  legalBasis: 'Mandate or public interest',
  retention: '7 years after case closure',
  reviewCycle: 'Semi-annual',
  lastReviewed: '2025-01-15',
};

export const validSystem: RecordValues = {
  Title: 'Case triage assistant',
  purpose: 'Summarises case notes for caseworkers.',
  provider: 'Contoso AI',
  deploymentStatus: 'Pilot',
  mission: 'jordan',
  region: 'middleEastNorthAfrica',
  custodian: 'omar.haddad@example.org',
  businessOwner: 'lead@example.org',
  aiActRole: 'Deployer',
  riskTier: 'Limited',
  verificationStatus: 'Draft',
  reviewCycle: 'Annual',
  lastReviewed: '2025-03-01',
};

export const validRisk: RecordValues = {
  Title: 'Unencrypted exports',
  source: 'Audit',
  mission: 'colombia',
  region: 'americas',
  description: 'Exports are emailed as plain spreadsheets.',
  likelihood: 4,
  impact: 3,
  owner: 'lucia.gomez@example.org',
  status: 'Open',
  reviewCycle: 'Quarterly',
  lastReviewed: '2025-02-01',
};

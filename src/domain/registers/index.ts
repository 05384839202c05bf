import type { RegisterId, RegisterSchema } from '../schema/types';
import { AI_REGISTRY } from './ai-registry';
import { DATA_INVENTORY } from './data-inventory';
import { RISK_REGISTER } from './risk-register';

export const REGISTERS: Readonly<Record<RegisterId, RegisterSchema>> = {
  dataInventory: DATA_INVENTORY,
  aiRegistry: AI_REGISTRY,
  riskRegister: RISK_REGISTER,
};

export const REGISTER_IDS: readonly RegisterId[] = ['dataInventory', 'aiRegistry', 'riskRegister'];

export { DATA_INVENTORY, SENSITIVITY, OUTSIDE_PARTIES, isDataAssetId } from './data-inventory';
export type { DataAssetId, Sensitivity } from './data-inventory';
export { AI_REGISTRY, RISK_TIER_CHOICE, VERIFICATION_CHOICE, isAiSystemId } from './ai-registry';
export type { AiSystemId } from './ai-registry';
export { RISK_REGISTER, isRiskId } from './risk-register';
export type { RiskId } from './risk-register';
export { findField, fieldOrThrow } from './lookup';

// Risk register helpers: overdue treatments, the heat map's cell filter, and an assessment's findings for
// many records at once.
import { riskBand, riskScore } from '../risk/matrix';
import type { RiskBand, RiskBandId } from '../risk/matrix';
import type { FieldValue, RecordValues, RegisterId } from '../schema/types';
import { daysBetween, isIsoDate } from '../time/dates';

/** Statuses whose treatment is no longer pending. */
const SETTLED = new Set(['Closed', 'Accepted']);

/** Days the treatment is past its due date (0 or more), or null when it is not overdue. */
export const overdueDays = (risk: RecordValues, today: string): number | null => {
  const due = risk.dueDate;
  if (!isIsoDate(due) || (typeof risk.status === 'string' && SETTLED.has(risk.status))) return null;
  const days = daysBetween(due, today);
  return days > 0 ? days : null;
};

export interface HeatCell {
  readonly likelihood: number;
  readonly impact: number;
}

/** Whether a risk sits in a heat-map cell (inherent or residual scores). */
export const inCell = (risk: RecordValues, cell: HeatCell, residual: boolean): boolean =>
  (residual ? risk.residualLikelihood : risk.likelihood) === cell.likelihood &&
  (residual ? risk.residualImpact : risk.impact) === cell.impact;

export const bandOf = (
  risk: RecordValues,
  residual: boolean,
  bands?: readonly RiskBand[],
): RiskBandId | null =>
  riskBand(
    residual
      ? riskScore(risk.residualLikelihood, risk.residualImpact)
      : riskScore(risk.likelihood, risk.impact),
    bands,
  )?.id ?? null;

export interface AssessmentTarget {
  readonly register: Extract<RegisterId, 'dataInventory' | 'aiRegistry'>;
  readonly id: string;
  readonly values: RecordValues;
}

export interface AssessmentFinding {
  /** Title of the finding; the record's name is appended. */
  readonly title: string;
  readonly description: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly owner?: string;
  readonly dueDate?: string;
  readonly treatment?: string;
  readonly evidence?: readonly string[];
}

/**
 * One risk item per assessed record, linked to it, with the record's mission and region: an assessment
 * of forty records becomes forty findings written in one batch.
 */
export const assessmentFindings = (
  finding: AssessmentFinding,
  targets: readonly AssessmentTarget[],
  today: string,
): readonly RecordValues[] =>
  targets.map((target) => {
    const name = typeof target.values.Title === 'string' ? target.values.Title : target.id;
    const values: Record<string, FieldValue> = {
      Title: `${finding.title} — ${name}`.slice(0, 255),
      source: 'Assessment',
      [target.register === 'dataInventory' ? 'relatedAsset' : 'relatedSystem']: target.id,
      mission: target.values.mission ?? null,
      region: target.values.region ?? null,
      description: finding.description,
      likelihood: finding.likelihood,
      impact: finding.impact,
      owner: finding.owner ?? (typeof target.values.custodian === 'string' ? target.values.custodian : null),
      dueDate: finding.dueDate ?? null,
      treatment: finding.treatment ?? null,
      status: finding.treatment && finding.dueDate ? 'In treatment' : 'Open',
      evidence: finding.evidence && finding.evidence.length > 0 ? finding.evidence : null,
      lastReviewed: today,
    };
    return values;
  });

// Reads the registers for a run through src/graph (the bot's own app identity) and reduces each
// record for the planner.
import type { RegisterId, RegisterSchema } from '../domain/schema';
import type { RegisterRepository } from '../graph';
import { toPlannerRecord } from './planner';
import type { PlannerRecord, ReminderPolicy } from './planner';

export const loadPlannerRecords = async (
  repositories: Readonly<Record<RegisterId, RegisterRepository>>,
  schemas: Readonly<Record<RegisterId, RegisterSchema>>,
  policy: ReminderPolicy,
): Promise<PlannerRecord[]> => {
  const ids = Object.keys(repositories) as RegisterId[];
  const lists = await Promise.all(ids.map((id) => repositories[id].list()));
  const out: PlannerRecord[] = [];
  ids.forEach((id, i) => {
    for (const record of lists[i] ?? []) {
      const reduced = toPlannerRecord(schemas[id], record, policy);
      if (reduced) out.push(reduced);
    }
  });
  return out;
};

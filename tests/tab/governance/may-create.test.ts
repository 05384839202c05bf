// Who is offered the governance views' create buttons: officers, focal points and custodians; not readers.
import { actorFor } from '../../../src/domain/roles/assignments';
import type { RoleAssignment } from '../../../src/domain/roles/assignments';
import type { RecordValues } from '../../../src/domain/schema/types';
import { mayCreateRecords } from '../../../src/tab/views/governance/common/may-create';
import type {
  GovernanceData,
  GovernanceServices,
  GovRecord,
} from '../../../src/tab/views/governance/services/governance-services';

const assignments: RoleAssignment[] = [
  { email: 'grace@contoso.org', role: 'officer', missions: [], active: true },
  { email: 'carlos@contoso.org', role: 'focalPoint', missions: ['colombia'], active: true },
];
const asset = (custodian: string): GovRecord => ({ id: '1', values: { Title: 'Payroll', custodian } });
const data = (assets: GovRecord[]): GovernanceData => ({ assets, systems: [], risks: [], decisions: [] });

/** Only what mayCreateRecords uses: the actor, built as the tab builds it. */
const servicesFor = (email: string) =>
  ({
    actorFor: (record?: RecordValues | { readonly values: RecordValues }) =>
      actorFor(email, assignments, record ? [record] : []),
  }) as unknown as GovernanceServices;

it.each([
  ['an officer', 'grace@contoso.org', data([]), true],
  ['a focal point', 'carlos@contoso.org', data([]), true],
  ['a custodian of a loaded record', 'amina@contoso.org', data([asset('amina@contoso.org')]), true],
  ['a reader', 'layla@contoso.org', data([asset('amina@contoso.org')]), false],
  ['anyone before the data is loaded, unless assigned', 'amina@contoso.org', undefined, false],
])('%s: %s', (_who, email, loaded, expected) => {
  expect(mayCreateRecords(servicesFor(email), loaded)).toBe(expected);
});

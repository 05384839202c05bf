// The task pane's access to Graph: the signed-in person's Graph session (src/client: one client, the governance
// site, one repository per register, with the client key field). The pane never builds a URL.
import { loadActorSource, type ActorSource } from '../../client/actor';
import type { SignedInUser } from '../../client/auth';
import type { GraphSession } from '../../client/graph-session';
import { AI_REGISTRY, DATA_INVENTORY, REGISTERS } from '../../domain/registers';
import type { RegisterId, RegisterSchema } from '../../domain/schema/types';
import type { LookupReader, RegisterGateway } from '../sync/engine';

export type AddinRegisterId = 'dataInventory' | 'aiRegistry';

export const ADDIN_REGISTERS: Readonly<Record<AddinRegisterId, RegisterSchema>> = {
  dataInventory: DATA_INVENTORY,
  aiRegistry: AI_REGISTRY,
};

export interface AddinServices {
  gateway(register: AddinRegisterId): Promise<RegisterGateway>;
  /** The person's roles: GovernanceRoles read with their token (src/client/actor.ts), the same in both modes. */
  roles(user: SignedInUser): Promise<ActorSource>;
  /** A register that lookups point at, read for titles (lookup cells show "id – title"). */
  lookups?(register: RegisterId): Promise<LookupReader>;
}

export const createAddinServices = (session: GraphSession): AddinServices => ({
  gateway: (register) => session.repository(ADDIN_REGISTERS[register]),
  roles: (user) => loadActorSource(session, user),
  lookups: (register) => session.repository(REGISTERS[register]),
});

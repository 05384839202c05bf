import type { AuthProvider, SignedInUser } from '../auth/auth-provider';
import type { RuntimeConfig } from '../runtime-config';
import type { TabServices } from './tab-services';

export interface GraphTabServicesOptions {
  readonly config: RuntimeConfig;
  readonly auth: AuthProvider;
  readonly user: SignedInUser;
}

export const createGraphTabServices = async (_options: GraphTabServicesOptions): Promise<TabServices> => {
  throw new Error('not implemented yet');
};

// The token source the governance views use for their Graph client, provided by main.tsx. Its own small
// module so main.tsx does not pull the governance views into the first-load bundle.
import { createContext } from 'react';

export interface GovernanceHost {
  /** A bearer token for Graph for the signed-in person (the tab's own auth provider). */
  readonly getToken: () => Promise<string>;
}

export const GovernanceHostContext = createContext<GovernanceHost | undefined>(undefined);

// The people the bot knows in a tenant: the governance site's User Information List, which its
// Sites.Selected grant can read (it has no directory permission). Roles beyond "custodian" are not in
// that list, so focal points and officers are not known here.
import type { BotPerson } from '../../bot';
import { createSiteUserDirectory } from '../../graph';
import type { GovernanceSite } from './governance-site';

export async function loadSitePeople(site: GovernanceSite): Promise<BotPerson[]> {
  const users = await createSiteUserDirectory(site.client, site.siteId).users();
  return users
    .filter((u) => u.email !== '')
    .map(
      (u) =>
        ({
          email: u.email,
          displayName: u.displayName || u.email,
          locale: 'en',
          focalPointOf: [],
          officer: false,
          active: true,
        }) satisfies BotPerson,
    );
}

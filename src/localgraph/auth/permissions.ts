// SharePoint-style authorisation: per-site roles for users (with list-level unique roles), app roles, and
// Sites.Selected grants. Levels: read < write < manage.
import type { RequestContext, Principal } from '../context';
import { accessDenied } from '../errors/graph-error-factory';
import type { ListRecord, SiteRecord, SiteRole } from '../persistence/list-store';

export type AccessLevel = 'read' | 'write' | 'manage';

const RANK: Record<AccessLevel | 'none', number> = { none: 0, read: 1, write: 2, manage: 3 };
const ROLE_LEVEL: Record<SiteRole, AccessLevel> = { visitor: 'read', member: 'write', owner: 'manage' };
const GRANT_LEVEL: Record<string, AccessLevel> = {
  read: 'read',
  write: 'write',
  manage: 'manage',
  fullcontrol: 'manage',
};
const APP_ROLE_LEVEL: Record<string, AccessLevel> = {
  'Sites.FullControl.All': 'manage',
  'Sites.Manage.All': 'manage',
  'Sites.ReadWrite.All': 'write',
  'Sites.Read.All': 'read',
};

function best(levels: Array<AccessLevel | 'none'>): AccessLevel | 'none' {
  return levels.reduce<AccessLevel | 'none'>((a, b) => (RANK[b] > RANK[a] ? b : a), 'none');
}

function appLevel(ctx: RequestContext, p: Principal, site: SiteRecord): AccessLevel | 'none' {
  const levels = p.roles.map((r) => APP_ROLE_LEVEL[r] ?? 'none');
  if (p.roles.includes('Sites.Selected')) {
    for (const g of ctx.services.store.getSiteGrants(site.id)) {
      if (g.appId === p.appId) levels.push(...g.roles.map((r) => GRANT_LEVEL[r.toLowerCase()] ?? 'none'));
    }
  }
  return best(levels);
}

function userLevel(
  ctx: RequestContext,
  p: Principal,
  site: SiteRecord,
  list?: ListRecord,
): AccessLevel | 'none' {
  const store = ctx.services.store;
  const upn = (p.upn ?? '').toLowerCase();
  const groups = store.getGroupsOf(upn);
  if (list?.uniqueRoles) {
    const roles = store.getListRoles(list.id);
    return best([upn, ...groups].map((who) => (roles[who] ? ROLE_LEVEL[roles[who]] : 'none')));
  }
  const direct = store.getSiteRole(site.id, upn);
  const viaGroups = groups.map((g) => store.getSiteRole(site.id, g));
  const assigned = [direct, ...viaGroups].filter((r): r is SiteRole => r !== undefined);
  if (assigned.length > 0) return best(assigned.map((r) => ROLE_LEVEL[r]));
  const fallback = ctx.services.defaultSiteRole;
  return fallback === 'none' ? 'none' : ROLE_LEVEL[fallback];
}

export function accessLevel(ctx: RequestContext, site: SiteRecord, list?: ListRecord): AccessLevel | 'none' {
  const p = ctx.principal;
  if (!p) return 'none';
  return p.kind === 'app' ? appLevel(ctx, p, site) : userLevel(ctx, p, site, list);
}

/** Throws 403 accessDenied unless the caller has at least `level` on the site (or list). */
export function requireAccess(
  ctx: RequestContext,
  level: AccessLevel,
  site: SiteRecord,
  list?: ListRecord,
): void {
  if (RANK[accessLevel(ctx, site, list)] < RANK[level]) {
    throw accessDenied(
      'Access denied. You do not have permission to perform this action or access this resource.',
    );
  }
}

export function hasAppRole(p: Principal | undefined, ...roles: string[]): boolean {
  return p?.kind === 'app' && roles.some((r) => p.roles.includes(r));
}

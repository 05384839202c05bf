// Links into the tab for one record. Pure functions with no React and no DOM, so the bot (and the
// CLI) can import them to put "open in Teams" links into cards and messages.
import type { RegisterId } from '../domain/schema/types';

export const REGISTER_IDS: readonly RegisterId[] = ['dataInventory', 'aiRegistry', 'riskRegister'];

/** The entityId of the personal static tab in appPackage/manifest.json. */
export const PERSONAL_TAB_ENTITY_ID = 'governanceHub';

export interface RecordRef {
  readonly register: RegisterId;
  readonly id: string;
}

export const isRegisterId = (value: string): value is RegisterId =>
  (REGISTER_IDS as readonly string[]).includes(value);

/** The hash route of a record inside the tab, e.g. `#/records/dataInventory/17`. */
export const recordHash = (ref: RecordRef): string =>
  `#/records/${ref.register}/${encodeURIComponent(ref.id)}`;

/**
 * The tab URL that opens one record, e.g. `https://host/tab/#/records/dataInventory/17`.
 * @param tabEndpoint the origin the front ends are served from (TAB_ENDPOINT), with or without a trailing slash.
 */
export const buildRecordTabUrl = (tabEndpoint: string, ref: RecordRef): string =>
  `${tabEndpoint.replace(/\/+$/, '')}/tab/${recordHash(ref)}`;

/** The Teams subEntityId that carries a record through a deep link: `dataInventory:17`. */
export const recordSubEntityId = (ref: RecordRef): string => `${ref.register}:${ref.id}`;

export const parseRecordSubEntityId = (subEntityId: string | undefined | null): RecordRef | undefined => {
  if (!subEntityId) return undefined;
  const match = /^([A-Za-z]+):(\S+)$/.exec(subEntityId.trim());
  if (!match || !match[1] || !match[2] || !isRegisterId(match[1])) return undefined;
  return { register: match[1], id: match[2] };
};

export interface TeamsDeepLinkOptions {
  /** The Teams app id (manifest `id`, TEAMS_APP_ID). */
  readonly teamsAppId: string;
  /** The tab's public origin (TAB_ENDPOINT); used as the browser fallback (webUrl). */
  readonly tabEndpoint: string;
  /** Shown by Teams while the tab opens. @defaultvalue 'Governance Hub' */
  readonly label?: string;
  /** @defaultvalue PERSONAL_TAB_ENTITY_ID */
  readonly entityId?: string;
}

/**
 * A Teams deep link to the personal tab that opens one record
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application).
 * Teams hands `context.subEntityId` to the tab as `page.subPageId`.
 */
export const buildRecordTeamsDeepLink = (options: TeamsDeepLinkOptions, ref: RecordRef): string => {
  const entityId = options.entityId ?? PERSONAL_TAB_ENTITY_ID;
  const params = new URLSearchParams({
    webUrl: buildRecordTabUrl(options.tabEndpoint, ref),
    label: options.label ?? 'Governance Hub',
    context: JSON.stringify({ subEntityId: recordSubEntityId(ref) }),
  });
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(options.teamsAppId)}/${encodeURIComponent(entityId)}?${params.toString()}`;
};

/** Routes of the tab. */
export type TabRoute =
  | { readonly name: 'mine' }
  | { readonly name: 'browse' }
  | { readonly name: 'record'; readonly ref: RecordRef; readonly view: 'edit' | 'history' }
  /** The governance unit's views: `#/governance/ai/12` -> path ['ai', '12']. */
  | { readonly name: 'governance'; readonly path: readonly string[] };

/**
 * Reads the route from the hash (`#/records/aiRegistry/4`, `#/records/aiRegistry/4/history`, `#/browse`)
 * or, failing that, from the query (`?register=aiRegistry&id=4`, or `?subEntityId=aiRegistry:4`).
 */
export const parseTabLocation = (hash: string, search = ''): TabRoute => {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'records' && parts[1] && parts[2] && isRegisterId(parts[1])) {
    return {
      name: 'record',
      ref: { register: parts[1], id: parts[2] },
      view: parts[3] === 'history' ? 'history' : 'edit',
    };
  }
  if (parts[0] === 'browse') return { name: 'browse' };
  if (parts[0] === 'governance') return { name: 'governance', path: parts.slice(1) };
  if (parts.length === 0) {
    const query = new URLSearchParams(search);
    const register = query.get('register');
    const id = query.get('id');
    if (register && id && isRegisterId(register))
      return { name: 'record', ref: { register, id }, view: 'edit' };
    const fromSub = parseRecordSubEntityId(query.get('subEntityId'));
    if (fromSub) return { name: 'record', ref: fromSub, view: 'edit' };
  }
  return { name: 'mine' };
};

/** The hash for a route (the inverse of parseTabLocation). */
export const routeHash = (route: TabRoute): string => {
  switch (route.name) {
    case 'mine':
      return '#/';
    case 'browse':
      return '#/browse';
    case 'record':
      return route.view === 'history' ? `${recordHash(route.ref)}/history` : recordHash(route.ref);
    case 'governance':
      return `#/governance${route.path.map((p) => `/${encodeURIComponent(p)}`).join('')}`;
  }
};

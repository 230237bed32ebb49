import type { Role, UserView } from '@lotse/domain';

/**
 * The features of the app and who may use them: the one place the UI decides which menu items and
 * links exist. A menu item exists only when its feature works (no placeholder pages). The server
 * enforces the same rules; this only keeps people from links they cannot use.
 */
export interface Feature {
  id:
    | 'home'
    | 'assessments'
    | 'instruments'
    | 'users'
    | 'settings'
    | 'districts'
    | 'audit'
    | 'account'
    | 'clients'
    | 'caseload'
    | 'offers'
    | 'partners'
    | 'planning'
    | 'events'
    | 'publications'
    | 'programmes'
    | 'evaluation';
  path: string;
  /** Roles that may use the feature; 'all' means every signed-in user. */
  roles: readonly Role[] | 'all';
  /** Whether the feature appears in the main navigation. */
  inNav: boolean;
  /**
   * Menu group: items of one area share a disclosure in the main navigation so it fits one row at
   * 1366 px. A group with a single item for the user is shown as a plain item.
   */
  group?: NavGroup;
}

export type NavGroup = 'network' | 'admin';

export const features: readonly Feature[] = [
  { id: 'home', path: '/', roles: 'all', inNav: true },
  // Case work
  { id: 'caseload', path: '/meine-faelle', roles: ['caseworker', 'lead'], inNav: true },
  { id: 'clients', path: '/klienten', roles: ['caseworker', 'lead', 'coordinator'], inNav: true },
  // Offers and network
  { id: 'offers', path: '/angebote', roles: 'all', inNav: true, group: 'network' },
  { id: 'partners', path: '/netzwerk/partner', roles: 'all', inNav: true, group: 'network' },
  { id: 'planning', path: '/angebotsplanung', roles: ['lead', 'coordinator'], inNav: true, group: 'network' },
  { id: 'events', path: '/veranstaltungen', roles: 'all', inNav: true, group: 'network' },
  { id: 'publications', path: '/material', roles: 'all', inNav: true, group: 'network' },
  // Instruments and assessments: reached from the client page, no menu item of its own
  { id: 'assessments', path: '/erhebungen', roles: ['caseworker', 'lead'], inNav: false },
  { id: 'instruments', path: '/verwaltung/erhebungsboegen', roles: ['admin'], inNav: true, group: 'admin' },
  // Programmes and funding
  { id: 'programmes', path: '/programme', roles: ['lead', 'caseworker', 'coordinator'], inNav: true },
  // Evaluation
  { id: 'evaluation', path: '/wirkung', roles: ['lead', 'coordinator'], inNav: true },
  { id: 'users', path: '/verwaltung/benutzer', roles: ['admin'], inNav: true, group: 'admin' },
  { id: 'settings', path: '/verwaltung/einstellungen', roles: ['admin'], inNav: true, group: 'admin' },
  { id: 'districts', path: '/verwaltung/sozialraeume', roles: ['admin'], inNav: true, group: 'admin' },
  { id: 'audit', path: '/protokoll', roles: ['admin', 'lead'], inNav: true, group: 'admin' },
  { id: 'account', path: '/konto', roles: 'all', inNav: true },
];

export function canUse(user: UserView | null, feature: Feature['id']): boolean {
  if (!user) return false;
  const entry = features.find((f) => f.id === feature);
  if (!entry) return false;
  return entry.roles === 'all' || user.roles.some((role) => (entry.roles as readonly Role[]).includes(role));
}

export function featuresFor(user: UserView | null): Feature[] {
  return features.filter((f) => canUse(user, f.id));
}

/** One entry of the main navigation: a feature, or a group of features shown as a disclosure. */
export type NavEntry = { kind: 'item'; feature: Feature } | { kind: 'group'; id: NavGroup; items: Feature[] };

/** The menu for a user: groups sit where their first item would, single-item groups stay plain. */
export function navEntries(user: UserView | null): NavEntry[] {
  const items = featuresFor(user).filter((f) => f.inNav);
  const entries: NavEntry[] = [];
  for (const feature of items) {
    const members = feature.group ? items.filter((f) => f.group === feature.group) : [];
    if (!feature.group || members.length < 2) entries.push({ kind: 'item', feature });
    else if (members[0] === feature) entries.push({ kind: 'group', id: feature.group, items: members });
  }
  return entries;
}

import type { Action } from '@lotse/domain';

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
  /** The action the feature's page needs (the one its API calls require). */
  action: Action;
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
  { id: 'home', path: '/', action: 'account.self', inNav: true },
  // Case work
  { id: 'caseload', path: '/meine-faelle', action: 'caseload.read', inNav: true },
  { id: 'clients', path: '/klienten', action: 'clients.read', inNav: true },
  // Offers and network
  { id: 'offers', path: '/angebote', action: 'network.read', inNav: true, group: 'network' },
  { id: 'partners', path: '/netzwerk/partner', action: 'network.read', inNav: true, group: 'network' },
  { id: 'planning', path: '/angebotsplanung', action: 'planning.read', inNav: true, group: 'network' },
  { id: 'events', path: '/veranstaltungen', action: 'network.read', inNav: true, group: 'network' },
  { id: 'publications', path: '/material', action: 'network.read', inNav: true, group: 'network' },
  // Instruments and assessments: reached from the client page, no menu item of its own
  { id: 'assessments', path: '/erhebungen', action: 'assessments.read', inNav: false },
  {
    id: 'instruments',
    path: '/verwaltung/erhebungsboegen',
    action: 'instruments.manage',
    inNav: true,
    group: 'admin',
  },
  // Programmes and funding
  { id: 'programmes', path: '/programme', action: 'programmes.read', inNav: true },
  // Evaluation
  { id: 'evaluation', path: '/wirkung', action: 'reports.read', inNav: true },
  { id: 'users', path: '/verwaltung/benutzer', action: 'users.read', inNav: true, group: 'admin' },
  {
    id: 'settings',
    path: '/verwaltung/einstellungen',
    action: 'agency.configure',
    inNav: true,
    group: 'admin',
  },
  {
    id: 'districts',
    path: '/verwaltung/sozialraeume',
    action: 'districts.manage',
    inNav: true,
    group: 'admin',
  },
  { id: 'audit', path: '/protokoll', action: 'audit.read', inNav: true, group: 'admin' },
  { id: 'account', path: '/konto', action: 'account.self', inNav: true },
];

export function canUse(permissions: readonly Action[], feature: Feature['id']): boolean {
  const entry = features.find((f) => f.id === feature);
  return entry !== undefined && permissions.includes(entry.action);
}

export function featuresFor(permissions: readonly Action[]): Feature[] {
  return features.filter((f) => canUse(permissions, f.id));
}

/** One entry of the main navigation: a feature, or a group of features shown as a disclosure. */
export type NavEntry = { kind: 'item'; feature: Feature } | { kind: 'group'; id: NavGroup; items: Feature[] };

/** The menu for a user: groups sit where their first item would, single-item groups stay plain. */
export function navEntries(permissions: readonly Action[]): NavEntry[] {
  const items = featuresFor(permissions).filter((f) => f.inNav);
  const entries: NavEntry[] = [];
  for (const feature of items) {
    const members = feature.group ? items.filter((f) => f.group === feature.group) : [];
    if (!feature.group || members.length < 2) entries.push({ kind: 'item', feature });
    else if (members[0] === feature) entries.push({ kind: 'group', id: feature.group, items: members });
  }
  return entries;
}

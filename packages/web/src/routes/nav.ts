import type { Permission } from '@haven/domain';

export interface NavItem {
  to: string;
  /** i18n key of the label. */
  label: string;
  /** Shown only to roles holding this permission (all of them, if several); none means everyone signed in. */
  permission?: Permission | Permission[];
}

export interface NavSection {
  /** i18n key of the section heading, if it has one. */
  label?: string;
  items: NavItem[];
}

export const navSections: NavSection[] = [
  {
    items: [
      { to: '/', label: 'nav.home' },
      { to: '/children', label: 'nav.children', permission: 'child:list' },
      { to: '/approvals', label: 'nav.approvals', permission: ['child:list', 'case:approve'] },
      { to: '/duplicate-reviews', label: 'nav.duplicateReviews', permission: ['child:read', 'case:approve'] },
      { to: '/children/new', label: 'nav.registerChild', permission: ['child:create', 'child:list'] },
      { to: '/children/first-contact', label: 'nav.firstContact', permission: 'child:create' },
    ],
  },
  {
    label: 'nav.administration',
    items: [
      { to: '/admin/agencies', label: 'nav.agencies', permission: 'agency:read' },
      { to: '/admin/teams', label: 'nav.teams', permission: 'team:read' },
      { to: '/admin/users', label: 'nav.users', permission: 'user:read' },
      { to: '/admin/roles', label: 'nav.roles', permission: 'role:read' },
      { to: '/admin/areas', label: 'nav.areas', permission: 'agency:read' },
      { to: '/admin/change-requests', label: 'nav.changeRequests', permission: 'audit:read' },
    ],
  },
  {
    items: [
      { to: '/audit', label: 'nav.audit', permission: 'audit:read' },
      { to: '/account', label: 'nav.account' },
    ],
  },
];

/** The navigation a role may see: items it lacks the permission for, and sections left empty, are dropped. */
export function visibleNav(permissions: readonly string[]): NavSection[] {
  return navSections
    .map((section) => ({
      ...section,
      items: section.items.filter((item) => {
        const needed = item.permission === undefined ? [] : Array.isArray(item.permission) ? item.permission : [item.permission];
        return needed.every((p) => permissions.includes(p));
      }),
    }))
    .filter((section) => section.items.length > 0);
}

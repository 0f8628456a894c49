import type { Permission, RolePolicy } from './model.ts';

export interface RoleTemplate extends RolePolicy {
  key: string;
  name: string;
  description: string;
}

const readAdmin: Permission[] = ['user:read', 'agency:read', 'team:read', 'role:read'];
/** Case work plus approving, assigning, merging duplicates and best-interests consent overrides. */
const supervision: Permission[] = ['case:work', 'case:approve', 'case:assign', 'case:merge', 'case:override'];

/**
 * Roles a new deployment starts with, one per actor in the requirements catalogue.
 * They are data: administrators change them in the web UI. Nothing here is hard-wired
 * except the firewall, which applies to the `immigration_enforcement` category whatever the permissions.
 */
export const defaultRoles: readonly RoleTemplate[] = [
  {
    key: 'caseworker',
    name: 'Caseworker',
    description: 'Manages the cases assigned to them.',
    category: 'child_protection',
    scope: 'own',
    permissions: ['child:create', 'child:read', 'child:update', 'child:list', 'case:work', 'agency:read', 'team:read'],
    fieldRules: {},
    purposes: ['case_management'],
    requireMfa: false,
  },
  {
    key: 'supervisor',
    name: 'Supervisor',
    description: 'Supervises the caseworkers of their team and approves their decisions.',
    category: 'child_protection',
    scope: 'team',
    permissions: ['child:create', 'child:read', 'child:update', 'child:list', 'child:export', ...supervision, ...readAdmin],
    fieldRules: {},
    purposes: ['case_management', 'supervision'],
    requireMfa: true,
  },
  {
    key: 'agency_manager',
    name: 'Case management manager',
    description: 'Oversees all cases of their agency.',
    category: 'child_protection',
    scope: 'agency',
    permissions: ['child:read', 'child:update', 'child:list', 'child:export', ...supervision, ...readAdmin, 'audit:read'],
    fieldRules: {},
    purposes: ['case_management', 'supervision'],
    requireMfa: true,
  },
  {
    key: 'service_provider',
    name: 'Service provider',
    description: 'Delivers services to children referred to them; sees no legal status or protection details.',
    category: 'service_provision',
    scope: 'own',
    permissions: ['child:read', 'child:list'],
    fieldRules: { legal_status: 'hidden', protection_details: 'hidden', restricted_notes: 'hidden', location: 'read' },
    purposes: ['service_delivery'],
    requireMfa: false,
  },
  {
    key: 'guardian',
    name: 'Guardian',
    description: 'Legal guardian or representative of the children assigned to them.',
    category: 'guardianship',
    scope: 'own',
    permissions: ['child:read', 'child:list'],
    fieldRules: { protection_details: 'read', restricted_notes: 'hidden' },
    purposes: ['guardianship'],
    requireMfa: false,
  },
  {
    key: 'border_official',
    name: 'Border official',
    description: 'Identifies children at first contact and refers them to child protection. Cannot read child records.',
    category: 'immigration_enforcement',
    scope: 'own',
    permissions: ['child:create'],
    fieldRules: {},
    purposes: ['case_management'],
    requireMfa: false,
  },
  {
    key: 'national_authority',
    name: 'National authority analyst',
    description: 'Lead child protection ministry: national figures and oversight of all agencies in the jurisdiction.',
    category: 'national_authority',
    scope: 'jurisdiction',
    permissions: ['child:list', 'agency:read', 'team:read', 'audit:read'],
    fieldRules: {
      identity: 'hidden',
      location: 'hidden',
      legal_status: 'hidden',
      protection_details: 'hidden',
      health: 'hidden',
      restricted_notes: 'hidden',
      photo: 'hidden',
    },
    purposes: ['statistics'],
    requireMfa: true,
  },
  {
    key: 'auditor',
    name: 'Auditor / ombudsperson',
    description: 'Independent oversight: reads the audit trail and verifies its integrity.',
    category: 'oversight',
    scope: 'jurisdiction',
    permissions: ['audit:read', 'audit:verify', ...readAdmin],
    fieldRules: {},
    purposes: ['oversight'],
    requireMfa: true,
  },
  {
    key: 'partner_agency',
    name: 'Partner agency officer',
    description: 'Child protection authority in another country receiving transferred cases.',
    category: 'partner_agency',
    scope: 'own',
    permissions: ['child:read', 'child:list'],
    fieldRules: { legal_status: 'hidden', restricted_notes: 'hidden' },
    purposes: ['case_management'],
    requireMfa: true,
  },
  {
    key: 'administrator',
    name: 'System administrator',
    description: 'Manages agencies, teams, users and roles. Sees no child records.',
    category: 'administration',
    scope: 'all',
    permissions: [
      'user:read',
      'user:manage',
      'agency:read',
      'agency:manage',
      'team:read',
      'team:manage',
      'role:read',
      'role:manage',
      'audit:read',
      'audit:verify',
    ],
    fieldRules: {},
    purposes: ['administration'],
    requireMfa: true,
  },
];

import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultRoles, HavenError } from '@haven/domain';
import { passwordHasher } from '../auth/passwords.ts';
import { type AdminAreaInput, bootstrapRepository } from '../db/repositories/bootstrapRepository.ts';
import { type DataDeps, runInTransaction } from '../db/unitOfWork.ts';

const system = { principal: null, purpose: 'administration' as const, requestId: null };

/** A small administrative hierarchy for the demo (regions, then regional units). */
const demoAreas: AdminAreaInput[] = [
  {
    code: 'GR-A',
    jurisdiction: 'GR',
    level: 1,
    names: {
      en: 'Eastern Macedonia and Thrace',
      fr: 'Macédoine-Orientale-et-Thrace',
      es: 'Macedonia Oriental y Tracia',
      ar: 'مقدونيا الشرقية وتراقيا',
    },
  },
  { code: 'GR-A-EVR', jurisdiction: 'GR', parentCode: 'GR-A', level: 2, names: { en: 'Evros', fr: 'Évros', es: 'Evros', ar: 'إيفروس' } },
  { code: 'GR-I', jurisdiction: 'GR', level: 1, names: { en: 'Attica', fr: 'Attique', es: 'Ática', ar: 'أتيكا' } },
  {
    code: 'GR-I-ATH',
    jurisdiction: 'GR',
    parentCode: 'GR-I',
    level: 2,
    names: { en: 'Central Athens', fr: 'Athènes-Centre', es: 'Atenas Central', ar: 'وسط أثينا' },
  },
  {
    code: 'GR-I-PIR',
    jurisdiction: 'GR',
    parentCode: 'GR-I',
    level: 2,
    names: { en: 'Piraeus', fr: 'Le Pirée', es: 'El Pireo', ar: 'بيريوس' },
  },
  {
    code: 'GR-K',
    jurisdiction: 'GR',
    level: 1,
    names: { en: 'North Aegean', fr: 'Égée-Septentrionale', es: 'Egeo Septentrional', ar: 'شمال بحر إيجة' },
  },
  { code: 'GR-K-LES', jurisdiction: 'GR', parentCode: 'GR-K', level: 2, names: { en: 'Lesbos', fr: 'Lesbos', es: 'Lesbos', ar: 'ليسبوس' } },
];

export async function ensureDefaultRoles(deps: DataDeps): Promise<number> {
  return runInTransaction(deps, system, (uow) => bootstrapRepository(uow).ensureDefaultRoles());
}

export interface DemoUser {
  email: string;
  password: string;
  role: string;
  agency: string;
}

/**
 * A demo organisation: three agencies in two jurisdictions, three teams, one user per default role,
 * each with a random password. Skipped when the database already has users.
 */
export async function seedDemo(deps: DataDeps): Promise<DemoUser[] | null> {
  return runInTransaction(deps, system, async (uow) => {
    const repo = bootstrapRepository(uow);
    await repo.ensureDefaultRoles();
    if ((await repo.countUsers()) > 0) return null;
    const cpd = await repo.createAgency({
      code: 'CPD',
      name: 'Child Protection Directorate',
      jurisdiction: 'GR',
      acceptsReferrals: true,
      kind: 'child_protection',
    });
    const ngo = await repo.createAgency({ code: 'RCA', name: "Refugee Children's Aid", jurisdiction: 'GR-I', kind: 'service_provider' });
    const border = await repo.createAgency({
      code: 'BGU',
      name: 'Border guard unit, Evros',
      jurisdiction: 'GR',
      kind: 'immigration_enforcement',
    });
    await repo.upsertAdminAreas(demoAreas);
    const teams = {
      intake: await repo.createTeam(cpd, 'Athens intake team'),
      field: await repo.createTeam(cpd, 'Lesvos field team'),
      guardianship: await repo.createTeam(ngo, 'Guardianship network'),
    };
    const placement: Record<string, { agency: string; agencyCode: string; jurisdiction: string; teams: string[] }> = {
      guardian: { agency: ngo, agencyCode: 'RCA', jurisdiction: 'GR-I', teams: [teams.guardianship] },
      service_provider: { agency: ngo, agencyCode: 'RCA', jurisdiction: 'GR-I', teams: [teams.guardianship] },
      border_official: { agency: border, agencyCode: 'BGU', jurisdiction: 'GR', teams: [] },
    };
    const users: DemoUser[] = [];
    for (const template of defaultRoles) {
      const role = await repo.roleByKey(template.key);
      if (!role) throw new HavenError('internal_error');
      const where = placement[template.key] ?? { agency: cpd, agencyCode: 'CPD', jurisdiction: 'GR', teams: [teams.intake] };
      const password = randomBytes(12).toString('base64url');
      const email = `${template.key.replaceAll('_', '.')}@demo.haven.example`;
      await repo.createUser({
        email,
        displayName: `Demo ${template.name}`,
        passwordHash: await passwordHasher.hash(password),
        agencyId: where.agency,
        roleId: role.id,
        jurisdiction: where.jurisdiction,
        teamIds: where.teams,
      });
      users.push({ email, password, role: template.key, agency: where.agencyCode });
    }
    await repo.setSetting('demo_seeded_at', uow.now.toISOString());
    return users;
  });
}

export function writeDemoCredentials(path: string, users: readonly DemoUser[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const lines = [
    '# Haven demo accounts (synthetic organisation; no real children). Keep this file private.',
    '# Roles marked MFA will ask you to set up two-factor authentication at first sign-in.',
    ...users.map((u) => {
      const mfa = defaultRoles.find((r) => r.key === u.role)?.requireMfa ? ' (MFA)' : '';
      return `${u.role.padEnd(20)} ${u.agency.padEnd(4)} ${u.email.padEnd(42)} ${u.password}${mfa}`;
    }),
  ];
  writeFileSync(path, `${lines.join('\n')}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

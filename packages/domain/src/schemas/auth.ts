import { z } from 'zod';
import { Permission, Purpose, RoleCategory, Scope } from '../policy/model.ts';
import { LocaleCode } from './admin.ts';
import { Email, Password } from './common.ts';

export const LoginInput = z.object({ email: Email, password: z.string().min(1).max(256) });
export type LoginInput = z.infer<typeof LoginInput>;

export const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/);

/** A TOTP code or a recovery code (xxxx-xxxx-xxxx). */
export const MfaVerifyInput = z.object({
  code: z
    .string()
    .trim()
    .min(6)
    .max(20)
    .regex(/^[0-9a-zA-Z-]+$/),
});

export const PasswordChangeInput = z.object({ currentPassword: z.string().min(1).max(256), newPassword: Password });

/** What the signed-in user (or the half-signed-in one) may know about their session. */
export const SessionState = z.enum(['mfa_required', 'mfa_enrolment_required', 'active']);
export type SessionState = z.infer<typeof SessionState>;

export const Me = z.object({
  state: SessionState,
  csrfToken: z.string(),
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    locale: LocaleCode,
    agencyId: z.string(),
    agencyName: z.string(),
    jurisdiction: z.string(),
    mfaEnabled: z.boolean(),
  }),
  role: z.object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    category: RoleCategory,
    scope: Scope,
    permissions: z.array(Permission),
    purposes: z.array(Purpose),
    requireMfa: z.boolean(),
  }),
});
export type Me = z.infer<typeof Me>;

export const TotpSetup = z.object({ secret: z.string(), otpauthUri: z.string() });
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

import { z } from 'zod';

export const Uuid = z.uuid();

/** ISO 3166-1 alpha-2 country, optionally with an ISO 3166-2 subdivision: `GR`, `GR-I`. */
export const JurisdictionCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})*$/, { message: 'ISO 3166 code expected, e.g. GR or GR-I' });

export const Email = z.email().trim().toLowerCase().max(254);

/** Long passphrases over complexity rules (NIST SP 800-63B). */
export const Password = z.string().min(12).max(256);

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function Page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });

/** A partial update as parsed from JSON: absent and undefined mean "leave unchanged". */
export type Patch<T> = { [K in keyof T]?: T[K] | undefined };

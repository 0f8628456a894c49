import { isStorableText } from '../db/storableText.ts';

/** Deeper than any request the API takes (a role's field rules are the deepest, at 4). */
export const maxRequestDepth = 32;

export interface ShapeProblem {
  path: PropertyKey[];
  message: string;
}

/**
 * The first thing in a parsed request part (body, query, params) that no route may receive: a string
 * or key PostgreSQL cannot store, or nesting beyond `maxRequestDepth` (which also bounds this walk's
 * recursion). It runs on every request, so the path is built on the way out, only for a problem.
 */
export function findShapeProblem(value: unknown, depth = 0): ShapeProblem | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : { path: [], message: 'NUL character or lone surrogate' };
  if (!value || typeof value !== 'object') return undefined;
  if (depth >= maxRequestDepth) return { path: [], message: `nested more than ${maxRequestDepth} levels deep` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findShapeProblem(value[i], depth + 1);
      if (found) return { path: [i, ...found.path], message: found.message };
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!isStorableText(key)) return { path: [key], message: 'NUL character or lone surrogate' };
    const found = findShapeProblem((value as Record<string, unknown>)[key], depth + 1);
    if (found) return { path: [key, ...found.path], message: found.message };
  }
  return undefined;
}

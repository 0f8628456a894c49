/** Query key of the signed-in user's `Me` (or `null` when signed out). */
export const sessionKey = ['session'] as const;

/**
 * Query keys of the account feature. `me` is the app-wide key of the signed-in artist (the
 * layout reads it too), so that a saved display name shows everywhere at once.
 */
export const accountKeys = {
  me: ['me'] as const,
  tokens: ['account', 'tokens'] as const,
};

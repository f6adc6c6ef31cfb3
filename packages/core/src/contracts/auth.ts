import { z } from 'zod';
import { idSchema } from './common';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.email({ message: 'Enter an email address, such as name@example.com.' }));

export const passwordSchema = z
  .string()
  .min(10, { message: 'Use at least 10 characters.' })
  .max(256, { message: 'Use at most 256 characters.' });

export const displayNameSchema = z.string().trim().min(1).max(100);

export const registerBodySchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  displayName: displayNameSchema,
});
export type RegisterBody = z.infer<typeof registerBodySchema>;

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const meSchema = z.object({
  id: idSchema,
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['artist', 'moderator']),
  publicAttribution: z.boolean(),
  publicName: z.string().nullable(),
  checkbackDays: z.number().int(),
  counterNoticeBusinessDays: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type Me = z.infer<typeof meSchema>;

/** Sent with every signed-in response that starts a session; cookie clients echo the token. */
export const sessionResponseSchema = z.object({
  artist: meSchema,
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const updateMeBodySchema = z
  .object({
    displayName: displayNameSchema,
    publicAttribution: z.boolean(),
    publicName: z.string().trim().min(1).max(100).nullable(),
    checkbackDays: z.number().int().min(1).max(60),
    counterNoticeBusinessDays: z.number().int().min(1).max(30),
  })
  .partial()
  .strict();
export type UpdateMeBody = z.infer<typeof updateMeBodySchema>;

export const createTokenBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export type CreateTokenBody = z.infer<typeof createTokenBodySchema>;

export const apiTokenSchema = z.object({
  id: idSchema,
  name: z.string(),
  tokenPrefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
});
export type ApiTokenView = z.infer<typeof apiTokenSchema>;

/** The secret appears in this one response only; afterwards only its prefix is shown. */
export const createdTokenSchema = apiTokenSchema.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export const tokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });

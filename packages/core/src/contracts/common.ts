import { z } from 'zod';
import { EARLIEST_EVENT_ON, isIsoDate } from '../dates';
import { MARKETPLACES, VISIBILITIES } from '../domain';

/** Every error the API returns has this body. `code` is stable and machine-readable. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const idSchema = z.uuid({ message: 'must be a UUID' });
export const idParamsSchema = z.object({ id: idSchema });

/** A calendar day `YYYY-MM-DD`. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'must be a date written YYYY-MM-DD' });

/** The day something happened (found, filed, decided on IPP): a calendar day from 1999 on. */
export const eventDateSchema = isoDateSchema.refine((value) => value >= EARLIEST_EVENT_ON, {
  message: `must be ${EARLIEST_EVENT_ON} or later, when the first of these marketplaces opened`,
});

export const marketplaceSchema = z.enum(MARKETPLACES);
export const visibilitySchema = z.enum(VISIBILITIES);

/** Opaque cursor pagination: clients pass back `nextCursor` untouched. */
export const cursorQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const okResponseSchema = z.object({ ok: z.literal(true) });

import { z } from 'zod';

/**
 * The success answer of a route that sends a file (an image, plain text) as it is: documented
 * with its description, never serialized (Fastify sends streams, buffers and text untouched).
 */
export const binaryResponse = (description: string) => z.unknown().describe(description);

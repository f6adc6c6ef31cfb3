import type { z } from 'zod';

/** Thrown when the environment does not describe a valid configuration. */
export class ConfigurationError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Validates an environment (a plain object, so this stays pure) against a zod schema
 * and lists every problem at once, naming the variable, instead of stopping at the first.
 */
export function parseEnvironment<Schema extends z.ZodType>(
  schema: Schema,
  environment: Record<string, string | undefined>,
): z.output<Schema> {
  // Empty strings mean "not set": docker-compose and shells produce them for unset values.
  const cleaned = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    const value = cleaned[variable];
    const shown = value === undefined ? 'not set' : `got "${redact(variable, value)}"`;
    return `${variable}: ${issue.message} (${shown})`;
  });
  throw new ConfigurationError(problems);
}

const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|KEY|URL)/i;

/** Connection strings and secrets never reach logs, not even in an error message. */
function redact(variable: string, value: string): string {
  if (!SECRET_NAME.test(variable)) return value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return value.replace(/\/\/([^@/]*)@/, '//***@').replace(/(password|secret)=[^&]*/gi, '$1=***');
}

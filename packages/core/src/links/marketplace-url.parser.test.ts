import { describe, expect, it } from 'vitest';
import { ACCEPTED_CASE_GROUPS } from './link-cases.fixture';
import { parseMarketplaceUrl } from './marketplace-url.parser';

describe('parseMarketplaceUrl: accepted links', () => {
  for (const [name, cases] of ACCEPTED_CASE_GROUPS) {
    describe(name, () => {
      it.each(cases)('%s', (input, expected) => {
        expect(parseMarketplaceUrl(input)).toEqual({ ok: true, ...expected, originalUrl: input });
      });
    });
  }
});

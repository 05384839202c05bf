import { z } from 'zod';

describe('toolchain', () => {
  it('runs TypeScript through SWC with zod available', () => {
    expect(z.string().min(2).safeParse('a').success).toBe(false);
  });
});

import { BurstBuckets } from './burst-buckets';

describe('burst buckets', () => {
  test('refill at the steady rate up to capacity', () => {
    const buckets = new BurstBuckets();
    expect(buckets.take('GET /a', 2, 2, 0)).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
    expect(buckets.take('GET /a', 2, 2, 0).allowed).toBe(true);
    expect(buckets.take('GET /a', 2, 2, 0)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 500 });
    expect(buckets.take('GET /a', 2, 2, 10_000)).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
  });

  test('forget full buckets once many endpoints were seen', () => {
    const buckets = new BurstBuckets();
    for (let i = 0; i < 1000; i++) buckets.take(`GET /p/${i}`, 10, 10, 0);
    buckets.take('GET /busy', 1, 1, 0);
    buckets.take('GET /new', 10, 10, 5_000); // all /p/* buckets are full again by now; /busy too
    expect(buckets.state(5_000).map((b) => b.bucket)).toEqual(['GET /new']);
  });
});

import { describe, expect, it } from 'vitest';
import { SHARD_ARTICLES, searchShards } from '../../src/site/search-shards.ts';

/** `count` meeting dates in `month`, spread over its days 1–28. */
function datesIn(month: string, count: number, days: number[] = Array.from({ length: 28 }, (_, i) => i + 1)): string[] {
  return Array.from({ length: count }, (_, i) => `${month}-${String(days[i % days.length]).padStart(2, '0')}`);
}

describe('search shards', () => {
  it('gives a month of up to SHARD_ARTICLES articles one shard, named after the month', () => {
    const dates = [...datesIn('2020-02', SHARD_ARTICLES), ...datesIn('2021-07', 3)];
    const { shards, shardOf } = searchShards(dates);
    expect(shards.map((shard) => shard.url)).toEqual(['/pagefind/2020-02/', '/pagefind/2021-07/']);
    expect(shardOf('2020-02-28').name).toBe('2020-02');
  });

  it('splits a larger month into its thirds, so that no Pagefind process holds more than SHARD_ARTICLES pages', () => {
    const dates = [...datesIn('2021-07', SHARD_ARTICLES + 1), ...datesIn('2021-08', 5)];
    const { shards, shardOf } = searchShards(dates);
    expect(shards.map((shard) => shard.name)).toEqual(['2021-07-t1', '2021-07-t2', '2021-07-t3', '2021-08']);
    expect([shardOf('2021-07-10').name, shardOf('2021-07-11').name, shardOf('2021-07-20').name, shardOf('2021-07-21').name]).toEqual([
      '2021-07-t1',
      '2021-07-t2',
      '2021-07-t2',
      '2021-07-t3',
    ]);
    const sizes = new Map<string, number>();
    for (const date of dates) sizes.set(shardOf(date).name, (sizes.get(shardOf(date).name) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(SHARD_ARTICLES);
    expect([...sizes.values()].reduce((a, b) => a + b, 0)).toBe(dates.length);
  });

  it('splits a third that is still too large into its days, and leaves the other thirds whole', () => {
    const crowded = datesIn('2020-01', SHARD_ARTICLES + 1, [21, 22]);
    const dates = [...crowded, ...datesIn('2020-01', 4, [2, 3])];
    const { shards } = searchShards(dates);
    expect(shards.map((shard) => shard.name)).toEqual(['2020-01-21', '2020-01-22', '2020-01-t1']);
  });

  it('refuses a date that is not one of the archive', () => {
    expect(() => searchShards(['2020-02-01']).shardOf('2020-03-01')).toThrow(/no search shard for 2020-03-01/);
  });
});

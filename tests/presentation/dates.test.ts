import { describe, expect, test } from 'vitest';
import { formatDate } from '../../src/presentation/dates';

describe('dates', () => {
  test('dates to their precision', () => {
    expect(formatDate('2025-11-24', 'day')).toBe('24 Nov 2025');
    expect(formatDate('2026-04', 'month')).toBe('April 2026');
    expect(formatDate('2026', 'year')).toBe('2026');
    expect(formatDate('soon', 'day')).toBe('soon');
  });
});

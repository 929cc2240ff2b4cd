import { resourceRegistry } from '../../../src/core/lifecycle';
import { Deadline, fileSizeCategory, FILE_SIZE_THRESHOLDS, timeoutForFileSize, TIMEOUT_BY_CATEGORY } from '../../../src/core/operations/timeouts';
import { useLeakCheck } from '../../support/leak-check';

const MB = 1024 * 1024;

describe('timeouts sized by the model file', () => {
  useLeakCheck();

  it('a 3 MB sample is small, a 60 MB building medium, a 212 MB campus large, 2 GB huge', () => {
    expect([3 * MB, 60 * MB, 212 * MB, 2048 * MB].map(fileSizeCategory)).toEqual(['small', 'medium', 'large', 'huge']);
    expect(fileSizeCategory(FILE_SIZE_THRESHOLDS.small - 1)).toBe('small');
    expect(fileSizeCategory(FILE_SIZE_THRESHOLDS.small)).toBe('medium');
    expect(fileSizeCategory(FILE_SIZE_THRESHOLDS.large)).toBe('huge');
  });

  it('bigger files get more time; an unknown size gets the medium allowance', () => {
    const bands = (['small', 'medium', 'large', 'huge'] as const).map((c) => TIMEOUT_BY_CATEGORY[c]);
    expect([...bands].sort((a, b) => a - b)).toEqual(bands);
    expect(timeoutForFileSize(3 * MB)).toBe(60_000);
    expect(timeoutForFileSize(undefined)).toBe(TIMEOUT_BY_CATEGORY.medium);
  });

  describe('a deadline', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('expires once, can be pushed back ("wait longer"), and its timer is a registered resource until disposed', () => {
      const expired: Array<{ elapsedMs: number; timeoutMs: number }> = [];
      const owner = {};
      const d = new Deadline(1000, (e) => expired.push(e), 'test', owner);
      expect(resourceRegistry.list('timer').map((t) => t.label)).toContain('deadline:test');
      jest.advanceTimersByTime(600);
      d.extend(500); // deadline now at 1500
      jest.advanceTimersByTime(800);
      expect(expired).toEqual([]);
      jest.advanceTimersByTime(200);
      expect(expired).toEqual([{ elapsedMs: 1500, timeoutMs: 1500 }]);
      expect(resourceRegistry.count('timer')).toBe(0);
      d.extend(1000); // after expiry (now at 1600): 1000 from now
      expect(d.remainingMs).toBe(1000);
      jest.advanceTimersByTime(1000);
      expect(expired.map((e) => e.timeoutMs)).toEqual([1500, 2600]);
      d.dispose();
      d.extend(1000);
      jest.advanceTimersByTime(5000);
      expect(expired).toHaveLength(2);
      expect(resourceRegistry.count('timer')).toBe(0);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { isSuccessStatus } from './isSuccessStatus.js';

describe('isSuccessStatus', () => {
  it('is true for 2xx only', () => {
    expect([199, 200, 204, 299, 300, 400, 500, 0].map(isSuccessStatus)).toEqual([false, true, true, true, false, false, false, false]);
  });
});

import { describe, expect, it } from 'vitest';
import { TextTail } from './textTail.js';

describe('TextTail', () => {
  it('keeps only the newest characters', () => {
    const t = new TextTail(10);
    t.push('0123456789');
    t.push(Buffer.from('abc'));
    expect(t.text()).toBe('3456789abc');
  });

  it('gives the last non-empty line without colour codes, capped', () => {
    const t = new TextTail();
    t.push('first\n\u001b[31mERROR\u001b[39m: listen EADDRINUSE 127.0.0.1:9229\n\n');
    expect(t.lastLine()).toBe('ERROR: listen EADDRINUSE 127.0.0.1:9229');
    expect(t.lastLine(8)).toBe('ERROR...');
  });
});

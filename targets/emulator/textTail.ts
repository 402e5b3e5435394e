/**
 * The last few KiB of a child's output, kept only to explain a failure in one line. Nothing else
 * reads it, and no secret is ever written to the child.
 */
export class TextTail {
  private buffer = '';
  constructor(private readonly maxChars = 8_192) {}

  push(chunk: string | Buffer): void {
    this.buffer += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (this.buffer.length > this.maxChars) this.buffer = this.buffer.slice(this.buffer.length - this.maxChars);
  }

  text(): string {
    return this.buffer;
  }

  /** The last non-empty line without terminal colour codes, capped for a one-line message. */
  lastLine(maxChars = 200): string {
    const lines = stripAnsi(this.buffer).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
    const last = lines[lines.length - 1] ?? '';
    return last.length > maxChars ? `${last.slice(0, maxChars - 3)}...` : last;
  }
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

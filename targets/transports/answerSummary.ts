import type { Exchange } from '../exchange.js';

/**
 * One line saying what a target answered, for skip reasons and harness errors: the status, the
 * error name when the body or header gave one, else the media type (what tells a web server's
 * `text/html` page from an awsJson error), then the first line of the message or of the body.
 * Never the request: a fixture request holds nothing secret, but answers are quoted as they come.
 */
export function answerSummary(exchange: Pick<Exchange, 'status' | 'headers' | 'errorType' | 'errorMessage' | 'rawBody'>): string {
  const mediaType = (exchange.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  const named = exchange.errorType !== undefined ? `HTTP ${exchange.status} ${exchange.errorType}`
    : mediaType === '' ? `HTTP ${exchange.status}`
    : `HTTP ${exchange.status} ${mediaType}`;
  const text = exchange.errorMessage ?? (exchange.errorType === undefined ? exchange.rawBody : '');
  // A web page says what it is in its text (title, heading), not in its first line of markup.
  const line = /html/.test(mediaType) || /^\s*</.test(text) ? shortened(pageText(text)) : firstLine(text);
  return line === '' ? named : `${named}: ${line}`;
}

const MAX_QUOTE = 200;

function firstLine(text: string): string {
  return shortened(text.split('\n').find((l) => l.trim() !== '') ?? '');
}

function pageText(html: string): string {
  return html.replace(/<!DOCTYPE[^>]*>|<(script|style)\b[\s\S]*?<\/\1>|<[^>]*>/gi, ' ');
}

function shortened(text: string): string {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > MAX_QUOTE ? `${line.slice(0, MAX_QUOTE)}…` : line;
}

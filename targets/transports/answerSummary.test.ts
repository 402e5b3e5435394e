import { describe, expect, it } from 'vitest';
import { answerSummary } from './answerSummary.js';

const answer = (over: Partial<Parameters<typeof answerSummary>[0]>) => ({ status: 500, headers: {}, rawBody: '', ...over });

describe('answerSummary', () => {
  it('names the status and the error name, then the message', () => {
    expect(answerSummary(answer({ errorType: 'InternalErrorException', errorMessage: 'Internal error.' }))).toBe('HTTP 500 InternalErrorException: Internal error.');
    expect(answerSummary(answer({ status: 400, errorType: 'UnknownOperationException' }))).toBe('HTTP 400 UnknownOperationException');
  });

  it('without an error name: the media type and the first line of the body, shortened', () => {
    const page = `<!DOCTYPE html>\n<html><body>${'x'.repeat(500)}</body></html>`;
    const s = answerSummary(answer({ status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, rawBody: page }));
    expect(s).toBe(`HTTP 404 text/html: ${'x'.repeat(200)}…`);
    const titled = '<!DOCTYPE html>\n<html><head><title>404 Not Found</title><style>h1 { color: red }</style></head>\n<body><h1>Not Found</h1></body></html>';
    expect(answerSummary(answer({ status: 404, headers: { 'content-type': 'text/html' }, rawBody: titled }))).toBe('HTTP 404 text/html: 404 Not Found Not Found');
    const long = answerSummary(answer({ status: 501, rawBody: 'y'.repeat(500) }));
    expect(long).toBe(`HTTP 501: ${'y'.repeat(200)}…`);
    expect(answerSummary(answer({ status: 502 }))).toBe('HTTP 502');
  });
});

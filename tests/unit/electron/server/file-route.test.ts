import { describe, expect, it } from 'vitest';

import { contentDisposition, contentTypeFor, fileUrl } from '../../../../electron/server/file-route';
import { createFileTickets } from '../../../../electron/server/file-tickets';

describe('file tickets', () => {
  it('verify only for the path they were issued for, before they expire, from this server', () => {
    let now = 1_000_000;
    const tickets = createFileTickets({ ttlMs: 60_000, now: () => now });
    const { expires, ticket } = tickets.issue('/docs/a.pdf');
    expect(expires).toBe('1060000');
    expect(tickets.verify('/docs/a.pdf', expires, ticket)).toBe(true);
    expect(tickets.verify('/docs/b.pdf', expires, ticket)).toBe(false);
    expect(tickets.verify('/docs/a.pdf', '1060001', ticket)).toBe(false);
    expect(tickets.verify('/docs/a.pdf', expires, null)).toBe(false);
    expect(tickets.verify('/docs/a.pdf', null, ticket)).toBe(false);
    expect(tickets.verify('/docs/a.pdf', expires, `${ticket}x`)).toBe(false);
    expect(tickets.verify('/docs/a.pdf', '1e9', ticket)).toBe(false);
    expect(createFileTickets({ now: () => now }).verify('/docs/a.pdf', expires, ticket)).toBe(false);
    now = 1_060_001;
    expect(tickets.verify('/docs/a.pdf', expires, ticket)).toBe(false);
  });
});

describe('fileUrl', () => {
  it('is relative, carries a ticket when tickets are in use, and a page only for PDFs', () => {
    const tickets = createFileTickets({ now: () => 0 });
    const url = fileUrl('/docs/Gezeiten & Strömung.PDF', 7, tickets);
    expect(url).toMatch(
      /^\/api\/file\?path=%2Fdocs%2FGezeiten\+%26\+Str%C3%B6mung\.PDF&expires=600000&ticket=[\w-]+#page=7$/,
    );
    const query = new URL(url, 'http://x').searchParams;
    expect(tickets.verify(query.get('path') ?? '', query.get('expires'), query.get('ticket'))).toBe(true);
    expect(fileUrl('/docs/a.txt', 7, null)).toBe('/api/file?path=%2Fdocs%2Fa.txt');
  });
});

describe('file responses', () => {
  it('never serve a textual format as itself: HTML and SVG become text/plain', () => {
    expect(contentTypeFor('html')).toBe('text/plain');
    expect(contentTypeFor('xml')).toBe('text/plain');
    expect(contentTypeFor('pdf')).toBe('application/pdf');
    expect(contentTypeFor('docx')).toMatch(/wordprocessingml/);
    expect(contentTypeFor('binary')).toBe('application/octet-stream');
  });

  it('name the file inline, with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('潮汐 "表".pdf')).toBe(
      `inline; filename="__ ___.pdf"; filename*=UTF-8''%E6%BD%AE%E6%B1%90%20%22%E8%A1%A8%22.pdf`,
    );
    expect(contentDisposition("it's (1).txt")).toBe(
      `inline; filename="it's (1).txt"; filename*=UTF-8''it%27s%20%281%29.txt`,
    );
  });
});

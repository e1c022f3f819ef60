/**
 * Incremental parser for `text/event-stream` bodies: feed decoded text as it arrives, get back the
 * `data` payload of every complete message. Comments (`:` lines, keep-alives) and other fields are ignored.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];

  push(text: string): string[] {
    this.buffer += text;
    const messages: string[] = [];
    let newline = this.buffer.search(/\r\n|\r|\n/);
    while (newline !== -1) {
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      // A lone trailing \r may be the first half of \r\n: wait for more text.
      if (this.buffer[newline] === '\r' && width === 1 && newline === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + width);
      const message = this.line(line);
      if (message !== null) messages.push(message);
      newline = this.buffer.search(/\r\n|\r|\n/);
    }
    return messages;
  }

  private line(line: string): string | null {
    if (line === '') {
      if (this.data.length === 0) return null;
      const message = this.data.join('\n');
      this.data = [];
      return message;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    if (field !== 'data') return null;
    const value = colon === -1 ? '' : line.slice(colon + 1);
    this.data.push(value.startsWith(' ') ? value.slice(1) : value);
    return null;
  }
}

import { describe, expect, it } from 'vitest';
import { formatSSEFrame } from './sse-frame.ts';

describe('formatSSEFrame', () => {
  it('writes the id, the data line and the blank line that dispatches the event', () => {
    expect(formatSSEFrame({ data: '{"type":"start"}' }, 0)).toBe('id: 0\ndata: {"type":"start"}\n\n');
  });

  it('writes the event name when there is one', () => {
    expect(formatSSEFrame({ event: 'message_start', data: '{}' }, 7)).toBe('id: 7\nevent: message_start\ndata: {}\n\n');
  });

  it('splits multi-line data into one data line per line, whatever the line ending', () => {
    expect(formatSSEFrame({ data: 'one\ntwo\r\nthree\rfour' }, 3)).toBe(
      'id: 3\ndata: one\ndata: two\ndata: three\ndata: four\n\n',
    );
  });

  it('splits a lone carriage return in otherwise single-line data', () => {
    expect(formatSSEFrame({ event: 'x', data: 'a\rb' }, 2)).toBe('id: 2\nevent: x\ndata: a\ndata: b\n\n');
  });

  it('keeps an empty data field as one empty data line', () => {
    expect(formatSSEFrame({ data: '' }, 1)).toBe('id: 1\ndata: \n\n');
  });
});

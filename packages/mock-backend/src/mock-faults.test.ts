import { describe, expect, it } from 'vitest';
import { faultStatusResponse, readFaults, type MockFaults } from './mock-faults.ts';

function faultsOf(query: string, header?: string): MockFaults | Response {
  const url = new URL(`http://localhost/api/chat${query}`);
  return readFaults(new Request(url, { headers: header === undefined ? {} : { 'x-streamkit-fault': header } }), url);
}

async function errorMessage(result: MockFaults | Response): Promise<string> {
  expect(result).toBeInstanceOf(Response);
  const response = result as Response;
  expect(response.status).toBe(400);
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe('request/invalid-fault');
  return error.message;
}

describe('readFaults', () => {
  it('reads no faults from a request without any', () => {
    expect(faultsOf('')).toEqual({ malformed: false, buffered: false });
  });

  it('reads every item of the grammar', () => {
    expect(
      faultsOf(
        '?fault=drop-after-events=3,drop-after-bytes=10,stall=200,keepalive-only=300,keepalive=50,status=429,retry-after=2,malformed,buffered,slow-first-byte=100',
      ),
    ).toEqual({
      dropAfterEvents: 3,
      dropAfterBytes: 10,
      stallMs: 200,
      keepaliveOnlyMs: 300,
      keepaliveMs: 50,
      status: 429,
      retryAfterS: 2,
      malformed: true,
      buffered: true,
      slowFirstByteMs: 100,
    });
  });

  it('merges repeated ?fault= parameters and the header, ignoring blanks and spaces', () => {
    expect(faultsOf('?fault=malformed&fault=stall=5', ' buffered , , keepalive=7 ')).toEqual({
      malformed: true,
      buffered: true,
      stallMs: 5,
      keepaliveMs: 7,
    });
  });

  it('answers 400 naming an unknown fault and listing the grammar', async () => {
    expect(await errorMessage(faultsOf('?fault=explode'))).toBe(
      'Unknown fault "explode". Faults (in ?fault= or x-streamkit-fault, comma-separated): drop-after-events=N, drop-after-bytes=N, stall=MS, keepalive-only=MS, keepalive=MS, status=CODE, retry-after=S, malformed, buffered, slow-first-byte=MS.',
    );
  });

  it.each(['stall', 'stall=', 'stall=-1', 'stall=1.5', 'stall=1e3', 'stall=abc', 'drop-after-events=0x10'])(
    'answers 400 for %s, which is not a whole number',
    async (item) => {
      expect(await errorMessage(faultsOf(`?fault=${item}`))).toMatch(/needs a whole number from 0 to 2147483647/);
    },
  );

  it.each(['status=200', 'status=600'])('answers 400 for %s, outside 400–599', async (item) => {
    expect(await errorMessage(faultsOf(`?fault=${item}`))).toMatch(/^The fault "status" needs a whole number from 400 to 599/);
  });

  it('answers 400 for a flag given a value', async () => {
    expect(await errorMessage(faultsOf('?fault=malformed=1'))).toMatch(/^The fault "malformed" takes no value/);
  });

  it('does not mistake an Object.prototype key for a fault', async () => {
    expect(await errorMessage(faultsOf('?fault=toString'))).toMatch(/^Unknown fault "toString"/);
  });
});

describe('faultStatusResponse', () => {
  it('answers the status with a JSON error, without Retry-After unless asked', async () => {
    const response = faultStatusResponse(503, undefined);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('fault/injected');
  });
});

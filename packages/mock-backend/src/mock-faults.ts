import { jsonError } from './json-error.ts';

/** The faults one request asked for; see `createMockHandler` for the grammar. */
export interface MockFaults {
  dropAfterEvents?: number;
  dropAfterBytes?: number;
  stallMs?: number;
  keepaliveOnlyMs?: number;
  keepaliveMs?: number;
  status?: number;
  retryAfterS?: number;
  slowFirstByteMs?: number;
  malformed: boolean;
  buffered: boolean;
}

type NumberField = Exclude<keyof MockFaults, 'malformed' | 'buffered'>;

// setTimeout fires at once for longer delays, so no number may exceed its limit.
const MAX = 2_147_483_647;

const NUMBERS: Record<string, { field: NumberField; min: number; max: number }> = {
  'drop-after-events': { field: 'dropAfterEvents', min: 0, max: MAX },
  'drop-after-bytes': { field: 'dropAfterBytes', min: 0, max: MAX },
  stall: { field: 'stallMs', min: 0, max: MAX },
  'keepalive-only': { field: 'keepaliveOnlyMs', min: 0, max: MAX },
  keepalive: { field: 'keepaliveMs', min: 0, max: MAX },
  status: { field: 'status', min: 400, max: 599 },
  'retry-after': { field: 'retryAfterS', min: 0, max: MAX },
  'slow-first-byte': { field: 'slowFirstByteMs', min: 0, max: MAX },
};

const FLAGS: Record<string, 'malformed' | 'buffered'> = { malformed: 'malformed', buffered: 'buffered' };

const KNOWN =
  'drop-after-events=N, drop-after-bytes=N, stall=MS, keepalive-only=MS, keepalive=MS, status=CODE, retry-after=S, malformed, buffered, slow-first-byte=MS';

function invalid(message: string): Response {
  return jsonError(400, 'request/invalid-fault', `${message} Faults (in ?fault= or x-streamkit-fault, comma-separated): ${KNOWN}.`);
}

/** Reads `?fault=` (repeatable) and the `x-streamkit-fault` header; a 400 response says what is wrong. */
export function readFaults(request: Request, url: URL): MockFaults | Response {
  const items = [...url.searchParams.getAll('fault'), request.headers.get('x-streamkit-fault') ?? '']
    .flatMap((list) => list.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const faults: MockFaults = { malformed: false, buffered: false };
  for (const item of items) {
    const equals = item.indexOf('=');
    const name = equals === -1 ? item : item.slice(0, equals).trim();
    const value = equals === -1 ? undefined : item.slice(equals + 1).trim();
    const flag = Object.hasOwn(FLAGS, name) ? FLAGS[name] : undefined;
    const number = Object.hasOwn(NUMBERS, name) ? NUMBERS[name] : undefined;
    if (flag) {
      if (value !== undefined) return invalid(`The fault "${name}" takes no value (got "${item}").`);
      faults[flag] = true;
    } else if (number) {
      const parsed = /^\d+$/.test(value ?? '') ? Number(value) : NaN;
      if (!(parsed >= number.min && parsed <= number.max)) {
        return invalid(`The fault "${name}" needs a whole number from ${number.min} to ${number.max} (got "${item}").`);
      }
      faults[number.field] = parsed;
    } else {
      return invalid(`Unknown fault "${name}".`);
    }
  }
  return faults;
}

/** The error response that `status=CODE` (with `retry-after=S`) asks for. */
export function faultStatusResponse(status: number, retryAfterS: number | undefined): Response {
  const retry = retryAfterS === undefined ? '' : ` Retry after ${retryAfterS} s.`;
  return jsonError(
    status,
    'fault/injected',
    `The mock backend answered ${status} because the request asked for it (fault status=${status}).${retry}`,
    retryAfterS === undefined ? undefined : { 'Retry-After': String(retryAfterS) },
  );
}

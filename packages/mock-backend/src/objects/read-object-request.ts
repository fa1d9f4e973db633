import { jsonError } from '../json-error.ts';
import { isObjectScenarioName, objectScenarioNames, type MockObjectInput } from './object-input.ts';
import { isRecord } from '../is-record.ts';

export interface ObjectRequest {
  /** The body's `id`: names the stream for resume and stop. */
  id?: string;
  input: MockObjectInput;
}

const EXAMPLE = 'e.g. {"id":"obj-1","input":{"scenario":"itinerary","prompt":"Plan 3 days in Lisbon"}}';

/** Reads `{ id?, input }` as `createObjectStore` posts it; a string `input` is the prompt. A 400 response says what is wrong. */
export async function readObjectRequest(request: Request): Promise<ObjectRequest | Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return jsonError(400, 'request/invalid-json', 'The request body is not valid JSON.');
  }
  if (!isRecord(body)) return jsonError(400, 'request/invalid-object', `Expected a JSON object { id, input }, ${EXAMPLE}.`);
  const id = typeof body.id === 'string' && body.id !== '' ? { id: body.id } : {};
  const raw = body.input ?? {};
  if (typeof raw === 'string') return { ...id, input: { prompt: raw } };
  if (!isRecord(raw) || ['prompt', 'text'].some((key) => raw[key] !== undefined && typeof raw[key] !== 'string')) {
    return jsonError(400, 'request/invalid-object', `"input" must be a string or an object whose "prompt" and "text" are strings, ${EXAMPLE}.`);
  }
  if (raw.scenario !== undefined && !isObjectScenarioName(raw.scenario)) {
    return jsonError(400, 'request/invalid-scenario', `Unknown object scenario ${JSON.stringify(raw.scenario)}. Use one of: ${objectScenarioNames.join(', ')}.`);
  }
  return { ...id, input: raw as MockObjectInput };
}

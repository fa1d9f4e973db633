import { jsonError } from './json-error.ts';
import { chatScenarioNames, isChatScenarioName, type ChatScenarioName } from './scenarios/pick-scenario.ts';

/**
 * The scenario a chat request forces with `?scenario=` or the `x-streamkit-scenario` header (the query
 * wins); `undefined` lets the prompt's keywords choose. A 400 response lists the known names.
 */
export function readScenario(request: Request, url: URL): ChatScenarioName | undefined | Response {
  const name = url.searchParams.get('scenario') ?? request.headers.get('x-streamkit-scenario') ?? undefined;
  if (name === undefined || isChatScenarioName(name)) return name;
  return jsonError(
    400,
    'request/invalid-scenario',
    `Unknown scenario "${name}". Use one of: ${chatScenarioNames.join(', ')} (with ?scenario= or the x-streamkit-scenario header).`,
  );
}

// setTimeout fires at once for longer delays.
const MAX_MS = 2_147_483_647;

/** `?pause=MS`: how long this request's server tool works; `fallback` without it. A 400 response says what is wrong. */
export function readPause(url: URL, fallback: number): number | Response {
  const text = url.searchParams.get('pause');
  if (text === null) return fallback;
  const ms = /^\d+$/.test(text) ? Number(text) : NaN;
  if (ms <= MAX_MS) return ms;
  return jsonError(400, 'request/invalid-pause', `?pause= needs a whole number of milliseconds from 0 to ${MAX_MS} (got "${text}").`);
}

import { failureSentence, inputString, lastCall, waitingSentence } from './tool-calls.ts';
import type { Scenario } from './types.ts';

// "/tmp/report.txt", "~/notes.md", "./build", or a bare file name with an extension ("draft.docx").
const PATH = /(?:^|\s)((?:~|\.{1,2})?\/[\w./-]+|[\w-]+\.[A-Za-z0-9]{1,5})(?=[\s?!.,]*$|[\s?!,])/;

/** The path a delete request names; `/tmp/old-report.txt` when it names none. */
export function pathIn(prompt: string): string {
  return PATH.exec(prompt)?.[1] ?? '/tmp/old-report.txt';
}

/**
 * `approval`: calls the client tool `deleteFile` with `{ path }` (the demo's tool asks the user first),
 * then answers according to what happened: deleted, declined, or failed.
 */
export const approvalScenario: Scenario = ({ prompt, calls }) => {
  const call = lastCall(calls, 'deleteFile');
  const path = inputString(call, 'path', pathIn(prompt));
  if (!call) return { beats: [{ type: 'tool-call', toolName: 'deleteFile', input: { path } }], finishReason: 'tool-calls' };
  const { outcome } = call;
  const text = !outcome
    ? waitingSentence('deleteFile')
    : outcome.state === 'output-available'
      ? `Done: I deleted ${path}.`
      : outcome.state === 'output-denied'
        ? `Understood, I did not delete ${path}; it is still there.`
        : `${failureSentence('deleteFile', outcome)} ${path} was not deleted.`;
  return { beats: [{ type: 'text', text }], finishReason: 'stop' };
};

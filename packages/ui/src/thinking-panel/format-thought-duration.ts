/**
 * The collapsed panel's line: "Thought for 4 s", "Thought for 1 min 5 s". Under a second the
 * number would look like a glitch, so it reads "Thought for a few seconds".
 */
export function formatThoughtDuration(ms: number): string {
  if (!(ms >= 1000)) return 'Thought for a few seconds';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `Thought for ${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `Thought for ${minutes} min` : `Thought for ${minutes} min ${rest} s`;
}

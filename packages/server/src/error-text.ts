const GENERIC_ERROR_TEXT = 'An error occurred while streaming the response.';

/**
 * The `errorText` a client sees for a producer exception. Without `onError` it says only that the
 * stream failed: stacks and messages may leak internals.
 */
export function errorText(error: unknown, onError: ((error: unknown) => string) | undefined): string {
  if (!onError) return GENERIC_ERROR_TEXT;
  try {
    return onError(error);
  } catch {
    return GENERIC_ERROR_TEXT;
  }
}

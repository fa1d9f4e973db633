const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A random 16-character id. `crypto.randomUUID` is missing on pages served over plain HTTP from
 * a non-localhost address, while `getRandomValues` works everywhere.
 */
export function generateId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const byte of bytes) id += alphabet[byte % alphabet.length];
  return id;
}

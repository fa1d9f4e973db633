const MAX_TOKEN_LETTERS = 6;
const PIECE_LETTERS = 4;

/**
 * Splits text into LLM-like tokens: each word with its trailing whitespace, long words cut into
 * pieces of about four characters. Joining the tokens gives back the text exactly.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const leading = /^\s+/.exec(text)?.[0];
  if (leading) tokens.push(leading);
  for (const word of text.match(/\S+\s*/g) ?? []) {
    const letters = word.trimEnd();
    if (letters.length <= MAX_TOKEN_LETTERS) {
      tokens.push(word);
      continue;
    }
    for (let at = 0; at < letters.length; at += PIECE_LETTERS) tokens.push(letters.slice(at, at + PIECE_LETTERS));
    tokens[tokens.length - 1] += word.slice(letters.length);
  }
  return tokens;
}

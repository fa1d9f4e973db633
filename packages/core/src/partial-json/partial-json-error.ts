import { StreamkitError, type StreamkitErrorCode } from '../errors.ts';

/** The `json/*` subset of `StreamkitErrorCode` that the partial-JSON parser reports. */
export type PartialJSONErrorCode = Extract<StreamkitErrorCode, `json/${string}`>;

/**
 * The text is not (a prefix of) valid JSON, or the parser was misused.
 *
 * `position` is the offset in the whole text, counted in UTF-16 code units like `JSON.parse` positions:
 * the first character that cannot continue any valid JSON text, or the text's length when the input ended
 * too early (`json/unexpected-end`).
 */
export class PartialJSONError extends StreamkitError {
  declare readonly code: PartialJSONErrorCode;
  readonly position: number;

  constructor(code: PartialJSONErrorCode, position: number, message: string) {
    super(code, message);
    this.name = 'PartialJSONError';
    this.position = position;
  }
}

/** How a character is named in error messages: quoted when printable, as U+XXXX when not. */
export function describeCharacter(text: string, index: number): string {
  const codePoint = text.codePointAt(index) ?? 0;
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  if (codePoint === 0xfeff) return `${hex} (byte order mark)`;
  const control = codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0xa0);
  const loneSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  return control || loneSurrogate ? hex : `'${String.fromCodePoint(codePoint)}'`;
}

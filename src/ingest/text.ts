/**
 * Decode the bytes of a text file (Markdown or plain text) into a string the parsers can trust:
 * UTF-8 or UTF-16 with BOM, CRLF/CR read as LF, binary data and undecodable bytes refused.
 */
import { InputError } from '../errors.js';

/** Largest text file taken as one resolution. The longest resolutions run to ~200 KB. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

/**
 * Most paragraphs read from one file, whatever its format. A resolution has tens to a few
 * hundred; with annexes a few thousand. 100,000 one-line paragraphs are an attack, not a text.
 */
export const MAX_PARAGRAPHS = 20_000;

/** A byte count exactly, with the unit a reader thinks in: "2,097,174 bytes (2 MiB + 22 bytes)". */
export function describeSize(bytes: number, limit: number): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  return `${exact}, over the ${formatLimit(limit)} limit (${limit.toLocaleString('en-US')} bytes)`;
}

/** "2 MiB", "50 MiB", "640 KiB". */
export function formatLimit(n: number): string {
  return n % 1048576 === 0 ? `${n / 1048576} MiB` : n % 1024 === 0 ? `${n / 1024} KiB` : `${n.toLocaleString('en-US')} bytes`;
}

/**
 * Decode a text file's bytes.
 *
 * @param bytes the file contents
 * @param file the file name, for messages
 * @returns the text with LF line endings and no BOM
 * @throws InputError for empty, binary, oversized or undecodable input
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError('the file is empty', file);
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new InputError(`the file is too large to be one resolution: ${describeSize(bytes.length, MAX_TEXT_BYTES)}`, file);
  }
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decode('utf-16le', bytes.subarray(2), file);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decode('utf-16be', bytes.subarray(2), file);
  else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) throw new InputError(`binary data (a NUL byte at offset ${nul}); expected Markdown or plain text`, file);
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    text = decode('utf-8', bytes.subarray(start), file);
  }
  if (text.includes('\0')) throw new InputError('binary data (a NUL character); expected Markdown or plain text', file);
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new InputError('the file has no text (only white space)', file);
  return text;
}

function decode(encoding: string, bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where = encoding === 'utf-8' && at ? ` (line ${at.line}, byte ${at.offset})` : '';
    throw new InputError(`the text is not valid ${encoding.toUpperCase()}${where}; save it as UTF-8`, file, at?.line);
  }
}

/** Locate the first byte sequence that is not UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; offset: number } | undefined {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    let n = 0;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) n = 2;
    else if (b >= 0xf0 && b <= 0xf4) n = 3;
    else return { line, offset: i };
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { line, offset: i };
    }
    i += n + 1;
  }
  return undefined;
}

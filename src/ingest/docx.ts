/** DOCX reader (being written in parallel; replaced by the real reader). */
import { InputError } from '../errors.js';

export async function read(_bytes: Uint8Array, file: string): Promise<{ markdown: string; meta: Record<string, unknown> }> {
  throw new InputError('reading DOCX files is not available in this build', file);
}

/**
 * A cheap pre-scan of a PDF before pdfjs reads it: every Flate-compressed stream is inflated by
 * zlib with a running cap on the total output, so a decompression bomb (a 1.5 MB file whose page
 * content inflates to 1 GiB) is refused in about a second instead of filling memory inside
 * pdfjs, which keeps every decoded stream whole. The inflated bytes are counted and dropped as
 * they come, so the scan holds no more than zlib's chunk. Streams zlib cannot read are left to
 * pdfjs; image streams are not counted (pdfjs decodes them a page at a time and lets them go, and
 * a scanned PDF deserves its own message).
 */
import { createInflate } from 'node:zlib';
import { InputError } from '../../errors.js';

/**
 * Most bytes all Flate streams of one PDF may inflate to. A resolution of 400 pages has a few
 * tens of MiB of page content and fonts.
 */
export const MAX_PDF_INFLATED_BYTES = 128 * 1024 * 1024;

const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');

/**
 * Refuse a PDF whose compressed streams inflate beyond the cap.
 *
 * @param bytes the PDF
 * @param file the file name, for the message
 * @param cap the total inflated size allowed
 * @returns the total inflated size of the Flate streams zlib could read
 * @throws InputError when the total goes over `cap`
 */
export async function checkInflatedSize(bytes: Uint8Array, file: string, cap = MAX_PDF_INFLATED_BYTES): Promise<number> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let at = 0;
  for (;;) {
    const k = buf.indexOf(STREAM, at);
    if (k < 0) break;
    at = k + STREAM.length;
    if (k >= 3 && buf.toString('latin1', k - 3, k) === 'end') continue;
    // The keyword is followed by an end of line; the data runs to the next "endstream".
    let start = at;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    else if (start === at) continue; // "stream" inside some other word
    const dict = buf.toString('latin1', Math.max(0, k - 1024), k);
    const open = dict.lastIndexOf('<<');
    const keys = dict.slice(open);
    if (open < 0 || !/\/(?:FlateDecode|Fl)\b/.test(keys) || /\/Subtype\s*\/Image\b/.test(keys)) continue;
    const end = buf.indexOf(ENDSTREAM, start);
    if (end < 0) break;
    at = end + ENDSTREAM.length;
    total += await inflatedSize(buf.subarray(start, end), cap - total + 1);
    if (total > cap) {
      throw new InputError(`the PDF's compressed streams inflate to more than ${cap / 1048576} MiB, more than a resolution holds (a decompression bomb?)`, file);
    }
  }
  return total;
}

/**
 * How many bytes a zlib stream inflates to, counting at most `limit` (then it stops). Errors
 * (another filter first, encrypted data, damage) end the count where they occur: pdfjs judges those.
 */
function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
  return new Promise((resolve) => {
    let n = 0;
    const z = createInflate({ chunkSize: 64 * 1024 });
    const done = () => resolve(n);
    z.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n >= limit) {
        z.destroy();
        done();
      }
    });
    z.on('error', done);
    z.on('end', done);
    z.on('close', done);
    z.end(data);
  });
}

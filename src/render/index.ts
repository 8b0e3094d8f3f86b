/**
 * The output formats of `compare`, as a record of renderers (DESIGN §4: no string switch).
 * Heavy renderers load their modules only when chosen.
 */
import type { Comparison } from '../diff/types.js';

/** What every renderer may be told. */
export interface RenderOptions {
  color?: boolean;
  width?: number;
  /** Show unchanged clauses (text). */
  all?: boolean;
  layout?: 'inline' | 'side-by-side';
  style?: 'resdiff' | 'diff2html';
}

/** A compare output format. */
export interface CompareFormat {
  /** Binary output (never written to a terminal; needs --output). */
  binary: boolean;
  /** File extension for --output defaults. */
  ext: string;
  /** MIME type, for the server. */
  contentType: string;
  render(c: Comparison, opts: RenderOptions): Promise<string | Uint8Array>;
}

/** Every compare output format by name. */
export const compareFormats: Record<string, CompareFormat> = {
  text: {
    binary: false,
    ext: 'txt',
    contentType: 'text/plain; charset=utf-8',
    render: async (c, o) => (await import('./compare-text.js')).renderCompareText(c, o),
  },
  json: {
    binary: false,
    ext: 'json',
    contentType: 'application/json; charset=utf-8',
    render: async (c) => (await import('./compare-json.js')).renderCompareJson(c),
  },
  unified: {
    binary: false,
    ext: 'diff',
    contentType: 'text/x-diff; charset=utf-8',
    render: async (c) => (await import('./unified.js')).renderUnified(c),
  },
};

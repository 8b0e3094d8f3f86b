/**
 * Options several commands share.
 */
import { Option } from 'commander';

/** An option limited to a set of values. */
export function choice(flags: string, description: string, values: string[], fallback?: string): Option {
  const o = new Option(flags, description).choices(values);
  return fallback === undefined ? o : o.default(fallback);
}

/** `--corpus DIR`: another corpus folder (env RESDIFF_CORPUS). */
export function corpusOption(): Option {
  return new Option('--corpus <dir>', 'corpus folder for references (default: the bundled corpus)').env('RESDIFF_CORPUS');
}

/**
 * resdiff: compare versions of UN resolutions clause by clause.
 *
 * The library API, layer by layer: ingest -> model -> align -> diff -> render.
 */
export { InputError, isInputError } from './errors.js';
export { ingest, sniffKind, decodeText } from './ingest/index.js';
export type { Source } from './ingest/index.js';
export * from './model/index.js';
export { loadResolution, locate } from './corpus/load.js';
export type { LoadOptions } from './corpus/load.js';
export { listCorpus, listSeries, findInCorpus, defaultCorpusDir } from './corpus/index.js';
export type { CorpusEntry, Series, SeriesMember } from './corpus/index.js';
export { renderResolutionJson } from './render/show-json.js';
export { renderResolutionText } from './render/show-text.js';

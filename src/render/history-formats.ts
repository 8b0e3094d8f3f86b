/**
 * The output formats of `history` and `votes`, as records of renderers (DESIGN §4: no string
 * switch). Each loads its module only when chosen.
 */
import type { History } from '../diff/history.js';
import type { VoteTable } from '../align/votes.js';

/** What the series renderers may be told. */
export interface SeriesRenderOptions {
  color?: boolean;
}

/** A `history` output format. */
export interface HistoryFormat {
  /** Needs a history built with `detail` (texts and word diffs). */
  detail: boolean;
  ext: string;
  contentType: string;
  render(h: History, opts: SeriesRenderOptions): Promise<string>;
}

/** Every `history` output format by name. */
export const historyFormats: Record<string, HistoryFormat> = {
  text: {
    detail: false,
    ext: 'txt',
    contentType: 'text/plain; charset=utf-8',
    render: async (h, o) => (await import('./history-text.js')).renderHistoryText(h, o),
  },
  json: {
    detail: false,
    ext: 'json',
    contentType: 'application/json; charset=utf-8',
    render: async (h) => `${JSON.stringify(h, null, 2)}\n`,
  },
  html: {
    detail: true,
    ext: 'html',
    contentType: 'text/html; charset=utf-8',
    render: async (h) => (await import('./history-html.js')).renderHistoryHtml(h),
  },
};

/** A `votes` output format. */
export interface VotesFormat {
  ext: string;
  contentType: string;
  render(t: VoteTable, opts: SeriesRenderOptions): Promise<string>;
}

/** Every `votes` output format by name. */
export const votesFormats: Record<string, VotesFormat> = {
  text: {
    ext: 'txt',
    contentType: 'text/plain; charset=utf-8',
    render: async (t, o) => (await import('./votes-text.js')).renderVotesText(t, o),
  },
  json: {
    ext: 'json',
    contentType: 'application/json; charset=utf-8',
    render: async (t) => `${JSON.stringify(t, null, 2)}\n`,
  },
  html: {
    ext: 'html',
    contentType: 'text/html; charset=utf-8',
    render: async (t) => (await import('./votes-html.js')).renderVotesHtml(t),
  },
};

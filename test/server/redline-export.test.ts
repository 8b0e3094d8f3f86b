/**
 * The server's redline exports take the CLI's redline options: `style=un` and `changes-only=1`
 * for HTML (and PDF), and the whole resolution (chapeau, footnotes, closing block) because the
 * server keeps the two versions behind each comparison. In-process (app.request).
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { testCorpus } from './corpus-fixture.js';
import { byClass, parsePage } from '../render/dom.js';

const corpus = testCorpus();
const app = createApp({ corpusDir: corpus.dir, maxUploadBytes: 256 * 1024, log: () => {} });
const url = (q: string) => `/api/compare?old=${corpus.oldRef}&new=${corpus.newRef}&format=html&layout=inline${q}`;

describe('redline exports', () => {
  it('HTML with style=un and changes-only=1: the UN style, unchanged clauses folded, the chapeau and closing block', async () => {
    const res = await app.request(url('&style=un&changes-only=1'));
    expect(res.status).toBe(200);
    const html = await res.text();
    const doc = parsePage(html);
    expect(html).toMatch(/<body class="[^"]*style-un[^"]*changes-only/);
    expect(byClass(doc, 'folded').length).toBeGreaterThan(0);
    expect(byClass(doc, 'chapeau')).toHaveLength(1);
    expect(byClass(doc, 'res-foot')).toHaveLength(1);
  });

  it('refuses an unknown style with a 400 naming it', async () => {
    const res = await app.request(url('&style=neon'));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/unknown style "neon"/);
  });
});

/**
 * The remark processor (unified + remark-parse + remark-frontmatter), made on first use.
 *
 * Kept in its own module so that the bundled CLI can leave remark out of the code every run
 * loads: scripts/bundle.mjs bundles this module apart (dist/bundle/remark.cjs) and loads it only
 * when a Markdown file is outside the direct reader's shape (markdown-direct.ts).
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

let processor: Processor<Root> | undefined;

/** Parse Markdown (with YAML front matter) into an mdast tree. */
export function parseMarkdownTree(text: string): Root {
  processor ??= unified().use(remarkParse).use(remarkFrontmatter, ['yaml']) as unknown as Processor<Root>;
  return processor.parse(text) as Root;
}

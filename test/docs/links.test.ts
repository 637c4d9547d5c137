import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function pagesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pagesUnder(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

const PAGES = ['README.md', 'CONTRIBUTING.md', ...pagesUnder('docs')];

/** The text outside fenced code blocks, where headings are. */
function unfenced(text: string): string {
  return text.replace(/^```[^\n]*\n[\s\S]*?^```/gm, '');
}

/** The text a reader sees as prose: fenced blocks and inline code hold no links. */
function prose(text: string): string {
  return unfenced(text).replace(/`[^`\n]*`/g, '');
}

/** The links of a page: `[text](target)`, the target without a title. */
function links(text: string): string[] {
  return [...prose(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] as string);
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to '-'; repeats get -1, -2. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of unfenced(text).matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*$/gm)) {
    const base = (m[1] as string)
      .replace(/`/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

describe('the documentation', () => {
  it('slugs headings as GitHub does', () => {
    // Worked out by hand from GitHub's rendering of these headings.
    expect([
      ...anchors('# `folio report [folder]`\n## Reading a large file: from its bytes, on several threads\n## A\n## A'),
    ]).toEqual(['folio-report-folder', 'reading-a-large-file-from-its-bytes-on-several-threads', 'a', 'a-1']);
    expect(
      anchors('## 14. Reading a CSV export folio has never seen').has('14-reading-a-csv-export-folio-has-never-seen'),
    ).toBe(true);
    // Code blocks hold no headings and no links.
    expect(anchors('```\n# not a heading\n```\n').size).toBe(0);
    expect(links('`[a](b.md)` and\n```\n[c](d.md)\n```\n[e](f.md)')).toEqual(['f.md']);
  });

  it('links only to files and headings that exist in the repository', () => {
    const broken: string[] = [];
    const outside: string[] = [];
    for (const page of PAGES) {
      const text = readFileSync(join(ROOT, page), 'utf8');
      for (const link of links(text)) {
        if (/^[a-z]+:/i.test(link)) {
          outside.push(`${page}: ${link}`);
          continue;
        }
        const [path = '', anchor] = link.split('#');
        const target = path === '' ? join(ROOT, page) : join(ROOT, dirname(page), decodeURIComponent(path));
        if (!target.startsWith(ROOT) || !existsSync(target)) {
          broken.push(`${page}: ${link}`);
          continue;
        }
        if (anchor !== undefined && target.endsWith('.md') && !anchors(readFileSync(target, 'utf8')).has(anchor))
          broken.push(`${page}: ${link} (no such heading in ${relative(ROOT, target)})`);
      }
    }
    // The walk met the pages and their links.
    expect(PAGES.length).toBeGreaterThan(15);
    expect(broken).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('keeps the README a front door of at most 400 lines that links every page of the manual', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(400);
    const linked = new Set(links(readme).map((l) => l.split('#')[0]));
    expect(PAGES.filter((p) => p !== 'README.md' && !linked.has(p))).toEqual([]);
  });
});

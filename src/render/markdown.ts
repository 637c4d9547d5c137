import { cellText, type Cell, type Doc, type Section } from './document.js';

/** Escape what Markdown would read as markup inside a table cell or a line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function md(cell: Cell): string {
  const text = escapeMarkdown(cellText(cell));
  return typeof cell !== 'string' && (cell.tone === 'golden' || cell.tone === 'critical' || cell.tone === 'bad')
    ? `**${text}**`
    : text;
}

function renderSection(section: Section): string {
  const lines: string[] = [];
  if (section.kind === 'heading') return `## ${escapeMarkdown(section.title)}`;
  if (section.title) lines.push(`### ${escapeMarkdown(section.title)}`, '');
  if (section.kind === 'table') {
    if (section.rows.length === 0) {
      lines.push(escapeMarkdown(section.empty ?? '—'));
    } else {
      lines.push(`| ${section.columns.map((c) => escapeMarkdown(c.label)).join(' | ')} |`);
      lines.push(`|${section.columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`);
      for (const row of section.rows) lines.push(`| ${row.map(md).join(' | ')} |`);
    }
  } else if (section.kind === 'facts') {
    for (const [label, value] of section.facts) lines.push(`- **${escapeMarkdown(label)}**: ${md(value)}`);
  } else if (section.kind === 'notes') {
    for (const line of section.lines) lines.push(`- ${md(line)}`);
  }
  return lines.join('\n');
}

export function renderMarkdown(doc: Doc): string {
  const shown = doc.sections.filter((s) => s.kind !== 'chart');
  return `# ${escapeMarkdown(doc.title)}\n\n${shown.map(renderSection).join('\n\n')}\n`;
}

// Turns ```mermaid code blocks into inline SVG at build time. beautiful-mermaid lays diagrams
// out in pure JavaScript, so building the course needs no browser and no network, and a
// reading page ships the picture, not a diagram library.
import { renderMermaidSVG } from 'beautiful-mermaid';

export interface RenderedDiagram {
  svg: string;
  label: string;
}

/** Colours come from site/styles/course.css (theme variables), so dark mode needs no second render. */
const LAYOUT = { transparent: true };

/** Mermaid's accessibility lines; the renderer does not know them, so we lift them out. */
const ACCESSIBILITY_LINE = /^\s*acc(Title|Descr)\s*:\s*(.*)$/;

export function renderDiagram(source: string, index: number): RenderedDiagram {
  const labels: string[] = [];
  const body = source
    .split('\n')
    .filter((line) => {
      const match = ACCESSIBILITY_LINE.exec(line);
      if (match?.[2]) labels.push(match[2].trim());
      return !match;
    })
    .join('\n');
  const raw = renderMermaidSVG(body, LAYOUT);
  return { svg: makeSelfContained(raw, `diagram-${index}`), label: labels.join('. ') };
}

/**
 * The renderer embeds a <style> (which imports a web font) and an inline colour style in every
 * SVG, and reuses the same element ids in each. MDX cannot pass a <style> element through raw
 * HTML, and the page must not fetch fonts, so both go: course.css styles every diagram instead.
 * Each diagram also gets its own ids so two diagrams on one page never share arrowheads.
 */
export function makeSelfContained(svg: string, prefix: string): string {
  const withoutFonts = svg
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/^<svg([^>]*?)\sstyle="[^"]*"/, '<svg$1');
  const ids = new Set<string>();
  for (const match of withoutFonts.matchAll(/\sid="([^"]+)"/g)) ids.add(match[1]!);
  let result = withoutFonts;
  for (const id of ids) {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    result = result
      .replace(new RegExp(`\\sid="${escaped}"`, 'g'), ` id="${prefix}-${id}"`)
      .replace(new RegExp(`url\\(#${escaped}\\)`, 'g'), `url(#${prefix}-${id})`)
      .replace(new RegExp(`href="#${escaped}"`, 'g'), `href="#${prefix}-${id}"`);
  }
  return result;
}

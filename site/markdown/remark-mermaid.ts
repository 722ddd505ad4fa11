// Remark plugin: every ```mermaid block in a chapter becomes a <figure> holding its SVG.
import type { Root, Code, Html } from 'mdast';
import { visit } from 'unist-util-visit';
import { renderDiagram } from './mermaid-diagram.ts';

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function remarkMermaid() {
  return (tree: Root, file: { path?: string }) => {
    let index = 0;
    visit(tree, 'code', (node: Code, position, parent) => {
      if (node.lang !== 'mermaid' || !parent || position === undefined) return;
      let figure: string;
      try {
        const { svg, label } = renderDiagram(node.value, index++);
        const aria = label ? ` role="img" aria-label="${escapeAttribute(label)}"` : '';
        figure = `<figure class="diagram"${aria}>${svg}</figure>`;
      } catch (error) {
        // A broken diagram must stop the build with a pointer to it, not ship a blank space.
        const where = `${file.path ?? 'a chapter'}:${node.position?.start.line ?? '?'}`;
        throw new Error(`Mermaid diagram at ${where} could not be rendered: ${(error as Error).message}`);
      }
      const html: Html = { type: 'html', value: figure };
      parent.children.splice(position, 1, html);
    });
  };
}

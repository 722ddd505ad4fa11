import { describe, expect, it } from 'vitest';
import { makeSelfContained, renderDiagram } from './mermaid-diagram.ts';

const LOOP = `flowchart LR
  accTitle: The reconciliation loop
  accDescr: Controllers compare desired and actual state and act on the difference
  A[Desired state] --> B{Compare}
  B -->|differs| C[Act]
  C --> D[Actual state]
  D --> B`;

describe('renderDiagram', () => {
  it('renders a flowchart to SVG with its node labels', () => {
    const { svg } = renderDiagram(LOOP, 0);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const label of ['Desired state', 'Compare', 'Act', 'Actual state']) expect(svg).toContain(label);
  });

  it('turns accTitle and accDescr into the accessible label instead of drawing them', () => {
    const { svg, label } = renderDiagram(LOOP, 0);
    expect(label).toBe('The reconciliation loop. Controllers compare desired and actual state and act on the difference');
    expect(svg).not.toContain('accTitle');
  });

  it('needs no network and no embedded styles: course.css colours every diagram', () => {
    const { svg } = renderDiagram(LOOP, 0);
    expect(svg).not.toMatch(/@import|fonts\.googleapis|<style/);
    expect(svg).not.toMatch(/^<svg[^>]*\sstyle=/);
  });

  it('gives each diagram its own element ids so two on a page never collide', () => {
    const first = renderDiagram(LOOP, 1).svg;
    const second = renderDiagram(LOOP, 2).svg;
    const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(first).length).toBeGreaterThan(0);
    expect(ids(first).every((id) => id?.startsWith('diagram-1-'))).toBe(true);
    expect(ids(second).some((id) => ids(first).includes(id))).toBe(false);
  });

  it('rewrites references to renamed ids', () => {
    const svg = '<svg><marker id="arrow"/><path marker-end="url(#arrow)"/><use href="#arrow"/></svg>';
    expect(makeSelfContained(svg, 'd')).toBe(
      '<svg><marker id="d-arrow"/><path marker-end="url(#d-arrow)"/><use href="#d-arrow"/></svg>',
    );
  });

  it('throws on a diagram it cannot parse rather than returning nothing', () => {
    expect(() => renderDiagram('this is not mermaid at all', 0)).toThrow();
  });
});

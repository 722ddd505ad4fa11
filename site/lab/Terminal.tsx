/** @jsxImportSource preact */
// A thin wrapper around xterm.js: keys go out through onInput, output comes in from an
// OutputBuffer. What runs behind it (the worker's shell, or a real shell over the bridge) is the
// caller's business.
import type { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'preact/hooks';
import type { OutputBuffer } from './output-buffer.ts';

export interface TerminalHandle {
  focus(): void;
  reset(): void;
}

interface Props {
  label: string;
  output: OutputBuffer;
  onInput(data: string): void;
  onResize(columns: number, rows: number): void;
  onReady?(handle: TerminalHandle): void;
  hidden?: boolean;
}

export function LabTerminal({ label, output, onInput, onResize, onReady, hidden }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const fitRef = useRef<FitAddon | null>(null);
  const callbacks = useRef({ onInput, onResize });
  callbacks.current = { onInput, onResize };

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let dispose = () => {};
    let cancelled = false;
    // xterm is loaded here, in the browser only (it is CommonJS, and the server render has no DOM).
    void Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit')]).then(([{ Terminal }, { FitAddon }]) => {
    if (cancelled) return;
    const term = new Terminal({
      cursorBlink: true,
      convertEol: false,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      fontSize: 14,
      rows: 22,
      scrollback: 5000,
      theme: { background: '#16181d', foreground: '#e6e6e6' },
    });
    const fit = new FitAddon();
    fitRef.current = fit;
    term.loadAddon(fit);
    term.open(element);
    term.textarea?.setAttribute('aria-label', label);
    const resize = () => {
      if (!element.offsetParent) return;
      try {
        fit.fit();
      } catch {
        // not laid out yet
      }
      callbacks.current.onResize(term.cols, term.rows);
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    // Tab completes in the shell, so Esc then Tab leaves the terminal (no keyboard trap).
    let escaped = false;
    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown') return true;
      if (event.key === 'Tab' && escaped) {
        escaped = false;
        return false;
      }
      escaped = event.key === 'Escape';
      return !escaped;
    });
    const data = term.onData((d) => callbacks.current.onInput(d));
    const detach = output.attach((text) => term.write(text));
    onReady?.({ focus: () => term.focus(), reset: () => term.reset() });
    dispose = () => {
      detach();
      data.dispose();
      observer.disconnect();
      term.dispose();
    };
    });
    return () => {
      cancelled = true;
      dispose();
    };
  }, [output]);

  useEffect(() => {
    if (!hidden) fitRef.current?.fit();
  }, [hidden]);

  // The host has a fixed height: fit() sizes rows to it, so it must not size itself to the rows.
  return (
    <div class="lab-terminal" hidden={hidden}>
      <div class="lab-terminal-host" ref={host} />
      <p class="lab-terminal-help">Esc then Tab leaves the terminal.</p>
    </div>
  );
}

/** @jsxImportSource preact */
// The workspace's files in an editor: the same files the shell sees. Edits are written to the
// worker's workspace (debounced); files the shell writes replace what is shown, unless the
// learner has an edit still on its way.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { WorkspaceFile } from './protocol.ts';
import type { YamlEditor } from './yaml-editor.ts';

interface Props {
  files: WorkspaceFile[];
  home: string;
  /** Open this file when it appears (the first starter file). */
  preferred?: string;
  onWrite(path: string, content: string): void;
}

const WRITE_DELAY_MS = 250;

export function FileEditor({ files, home, preferred, onWrite }: Props) {
  const visible = files.filter((f) => f.path.startsWith(`${home}/`));
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const path = selected && visible.some((f) => f.path === selected) ? selected : (visible.find((f) => f.path === preferred) ?? visible.find((f) => /\.ya?ml$/.test(f.path)) ?? visible[0])?.path;
  const file = visible.find((f) => f.path === path);
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<YamlEditor | null>(null);
  const pending = useRef<{ path: string; content: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const write = useRef(onWrite);
  write.current = onWrite;

  /** Write a pending edit now (leaving the editor, switching files). It stays pending until the
   * worker's copy comes back equal, so a stale copy in flight cannot overwrite it. */
  const flush = () => {
    const p = pending.current;
    if (!p) return;
    clearTimeout(p.timer);
    write.current(p.path, p.content);
  };

  // The editor is created once the module arrives, and re-created per file.
  useEffect(() => {
    if (!host.current || !path) return;
    let cancelled = false;
    const openedPath = path;
    import('./yaml-editor.ts')
      .then(({ createYamlEditor }) => {
        if (cancelled || !host.current) return;
        const current = files.find((f) => f.path === openedPath)?.content ?? '';
        editor.current = createYamlEditor(host.current, current, `Editing ${openedPath.replace(`${home}/`, '')}`, (text) => {
          if (pending.current) clearTimeout(pending.current.timer);
          const timer = setTimeout(() => {
            write.current(openedPath, text);
          }, WRITE_DELAY_MS);
          pending.current = { path: openedPath, content: text, timer };
        }, flush);
      })
      .catch((error: unknown) => setLoadError(String(error)));
    return () => {
      cancelled = true;
      flush();
      editor.current?.destroy();
      editor.current = null;
    };
  }, [path]);

  // Files from the shell: show them, unless this is our own edit coming back or one is on its way.
  useEffect(() => {
    if (!file || !editor.current) return;
    const p = pending.current;
    if (p && p.path === file.path) {
      if (p.content === file.content) pending.current = null;
      return;
    }
    editor.current.setDoc(file.content);
  }, [file?.content, file?.path]);

  if (loadError) return <p role="alert">The editor could not load: {loadError}</p>;
  return (
    <div class="lab-editor">
      <label class="lab-file-picker">
        File{' '}
        <select value={path} onChange={(e) => { flush(); setSelected((e.target as HTMLSelectElement).value); }}>
          {visible.map((f) => (
            <option key={f.path} value={f.path}>
              {f.path.replace(`${home}/`, '~/')}
            </option>
          ))}
        </select>
      </label>
      {visible.length === 0 ? <p>No files yet: files you create in the terminal appear here.</p> : <div class="lab-editor-host" ref={host} />}
    </div>
  );
}

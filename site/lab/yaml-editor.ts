// CodeMirror 6 for the workspace's YAML files, loaded only when the editor is shown. No command
// keymap is bundled: typing, selection and clipboard are the browser's, and Tab leaves the editor
// (so keyboard users are never trapped); indent with spaces, as YAML wants.
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { yaml } from '@codemirror/lang-yaml';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, lineNumbers } from '@codemirror/view';

export interface YamlEditor {
  setDoc(text: string): void;
  getDoc(): string;
  focus(): void;
  destroy(): void;
}

export function createYamlEditor(parent: HTMLElement, doc: string, label: string, onChange: (text: string) => void, onBlur: () => void): YamlEditor {
  let applyingRemote = false;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        drawSelection(),
        highlightActiveLine(),
        yaml(),
        syntaxHighlighting(defaultHighlightStyle),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        // Leaving the editor (for the terminal, to apply the file) writes the file at once.
        EditorView.domEventHandlers({ blur: () => void onBlur() }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !applyingRemote) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    setDoc(text) {
      if (text === view.state.doc.toString()) return;
      applyingRemote = true;
      const head = Math.min(view.state.selection.main.head, text.length);
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: head } });
      applyingRemote = false;
    },
    getDoc: () => view.state.doc.toString(),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}

// The prompt, as Ubuntu's bash shows it, with the namespace kubectl uses after the directory:
// learner@wheelhouse:~/app (shop)$

export interface PromptParts {
  user: string;
  host: string;
  /** The working directory as bash's \w shows it ('~' for home). */
  directory: string;
  /** The current kubectl namespace; left out when undefined. */
  namespace?: string;
  color?: boolean;
}

export function bashPrompt(parts: PromptParts): string {
  const ns = parts.namespace !== undefined ? ` (${parts.namespace})` : '';
  if (!parts.color) return `${parts.user}@${parts.host}:${parts.directory}${ns}$ `;
  return `\x1b[01;32m${parts.user}@${parts.host}\x1b[00m:\x1b[01;34m${parts.directory}\x1b[00m${ns}$ `;
}

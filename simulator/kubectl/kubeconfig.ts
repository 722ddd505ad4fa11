// The learner's kubeconfig: clusters, users and contexts, the current context and each context's
// namespace. There is one built-in cluster (the simulator), so this is mostly about
// `kubectl config set-context --current --namespace=x`. The page persists it with toJSON() and
// subscribe(); restore with new Kubeconfig(saved).

export interface KubeconfigContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

export interface KubeconfigState {
  currentContext: string;
  clusters: { name: string; server: string }[];
  users: { name: string }[];
  contexts: KubeconfigContext[];
}

/** What `kind create cluster --name wheelhouse` writes. */
export function defaultKubeconfig(server = 'https://127.0.0.1:6443'): KubeconfigState {
  const name = 'kind-wheelhouse';
  return {
    currentContext: name,
    clusters: [{ name, server }],
    users: [{ name }],
    contexts: [{ name, cluster: name, user: name }],
  };
}

export class Kubeconfig {
  private state: KubeconfigState;
  private listeners = new Set<(state: KubeconfigState) => void>();

  constructor(state: KubeconfigState = defaultKubeconfig()) {
    this.state = structuredClone(state);
  }

  get currentContextName(): string {
    return this.state.currentContext;
  }

  context(name: string): KubeconfigContext | undefined {
    return this.state.contexts.find((c) => c.name === name);
  }

  contexts(): KubeconfigContext[] {
    return this.state.contexts.map((c) => ({ ...c }));
  }

  clusters(): { name: string; server: string }[] {
    return this.state.clusters.map((c) => ({ ...c }));
  }

  users(): { name: string }[] {
    return this.state.users.map((u) => ({ ...u }));
  }

  /** The server URL of a context's cluster (the current one by default). */
  server(contextName = this.state.currentContext): string {
    const ctx = this.context(contextName);
    return this.state.clusters.find((c) => c.name === ctx?.cluster)?.server ?? '';
  }

  /** The namespace commands use when -n is not given: the context's, else "default". */
  namespace(contextName = this.state.currentContext): string {
    return this.context(contextName)?.namespace || 'default';
  }

  useContext(name: string): void {
    this.state.currentContext = name;
    this.emit();
  }

  /** Creates or changes a context; returns whether it existed before. */
  setContext(name: string, fields: Partial<Omit<KubeconfigContext, 'name'>>): boolean {
    const existing = this.context(name);
    const ctx = existing ?? { name, cluster: '', user: '' };
    if (fields.cluster !== undefined) ctx.cluster = fields.cluster;
    if (fields.user !== undefined) ctx.user = fields.user;
    if (fields.namespace !== undefined) {
      if (fields.namespace === '') delete ctx.namespace;
      else ctx.namespace = fields.namespace;
    }
    if (!existing) this.state.contexts.push(ctx);
    this.emit();
    return existing !== undefined;
  }

  deleteContext(name: string): boolean {
    const before = this.state.contexts.length;
    this.state.contexts = this.state.contexts.filter((c) => c.name !== name);
    this.emit();
    return this.state.contexts.length !== before;
  }

  toJSON(): KubeconfigState {
    return structuredClone(this.state);
  }

  subscribe(listener: (state: KubeconfigState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.toJSON());
  }
}

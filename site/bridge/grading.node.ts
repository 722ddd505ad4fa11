// What "Check my work" does in "My cluster" mode: the lab's checks through the client-node reader,
// against the chosen kube context. Read-only, like the CLI's `wheelhouse grade`.
import { gradeLab, type GradeReport } from '../../graders/grade.ts';
import { clientNodeReader } from '../../graders/reader/client-node-reader.node.ts';
import { loadKubeConfig } from '../../graders/reader/kube-config.node.ts';
import { findLab } from '../../labs/index.ts';

export async function gradeOnCluster(labId: string, context: string | undefined): Promise<GradeReport> {
  const lab = findLab(labId);
  if (!lab) throw new Error(`there is no lab "${labId}"`);
  return gradeLab(lab, clientNodeReader({ context }));
}

export async function kubeContexts(): Promise<{ contexts: string[]; current?: string; problem?: string }> {
  try {
    const kc = loadKubeConfig();
    return { contexts: kc.getContexts().map((c) => c.name), current: kc.getCurrentContext() || undefined };
  } catch (error) {
    return { contexts: [], problem: error instanceof Error ? error.message : String(error) };
  }
}

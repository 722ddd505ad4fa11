// Running counts of each ReplicaSet's pods (active, Ready, fully labeled, no longer matching),
// kept up to date from pod events. Most ReplicaSet reconciles only have to refresh status after a
// pod turned Ready; with the counts at hand that costs the same for 10 pods or 5,000. The counts
// are a cache: they are rebuilt from the pods whenever the ReplicaSet's selector or template
// labels change, and reconcile falls back to walking the pods whenever there is work to do.
import type { Selector } from '../machinery/selectors.ts';
import { controllerOf } from './ownership.ts';
import { isPodActive, isPodReady } from './pod-state.ts';
import type { Pod } from './workload-types.ts';

export interface PodCounts {
  active: number;
  ready: number;
  fullyLabeled: number;
  mismatched: number; // active pods it controls that its selector no longer matches
}

interface Shape {
  signature: string;
  selector: Selector;
  templateLabels: Record<string, string>;
}

interface Facts {
  owner: string;
  active: boolean;
  ready: boolean;
  fullyLabeled: boolean;
  matches: boolean;
}

export class ReplicaSetTally {
  private readonly shapes = new Map<string, Shape>();
  private readonly counts = new Map<string, PodCounts>();
  private readonly facts = new Map<string, Facts>(); // "ns/name" → what we counted for the pod

  /** The counts for a ReplicaSet, rebuilt from its pods if its selector or template labels changed. */
  sync(uid: string, selector: Selector, templateLabels: Record<string, string>, pods: Iterable<Pod>): PodCounts {
    const signature = `${selector.toString()}|${JSON.stringify(templateLabels)}`;
    const shape = this.shapes.get(uid);
    const counts = this.counts.get(uid);
    if (shape?.signature === signature && counts) return counts;
    this.shapes.set(uid, { signature, selector, templateLabels });
    const fresh: PodCounts = { active: 0, ready: 0, fullyLabeled: 0, mismatched: 0 };
    this.counts.set(uid, fresh);
    for (const pod of pods) this.add(pod);
    return fresh;
  }

  podChanged(previous: Pod | undefined, next: Pod | undefined): void {
    if (previous) this.remove(previous);
    if (next) this.add(next);
  }

  forget(uid: string): void {
    this.shapes.delete(uid);
    this.counts.delete(uid);
  }

  private add(pod: Pod): void {
    const owner = controllerOf(pod)?.uid;
    const shape = owner ? this.shapes.get(owner) : undefined;
    const counts = owner ? this.counts.get(owner) : undefined;
    if (!owner || !shape || !counts) return;
    const labels = pod.metadata.labels ?? {};
    const f: Facts = {
      owner,
      active: isPodActive(pod),
      ready: isPodReady(pod),
      fullyLabeled: Object.entries(shape.templateLabels).every(([k, v]) => labels[k] === v),
      matches: shape.selector.matches(labels),
    };
    this.facts.set(podKey(pod), f);
    apply(counts, f, 1);
  }

  private remove(pod: Pod): void {
    const key = podKey(pod);
    const f = this.facts.get(key);
    if (!f) return;
    this.facts.delete(key);
    const counts = this.counts.get(f.owner);
    if (counts) apply(counts, f, -1);
  }
}

function apply(c: PodCounts, f: Facts, sign: 1 | -1): void {
  if (!f.active) return;
  if (!f.matches) {
    c.mismatched += sign;
    return;
  }
  c.active += sign;
  if (f.ready) c.ready += sign;
  if (f.fullyLabeled) c.fullyLabeled += sign;
}

function podKey(pod: Pod): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}

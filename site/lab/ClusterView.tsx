/** @jsxImportSource preact */
// The live cluster: one box per node holding its pods, each coloured by what kubectl's STATUS
// column says, with the controllers' recent events underneath and the clock's controls.
import { useState } from 'preact/hooks';
import type { ClockAction, ClusterViewModel, ViewPod } from './protocol.ts';

const systemNamespaces = new Set(['kube-system', 'local-path-storage', 'kube-node-lease', 'kube-public']);

/** The colour family of a pod: what a learner should notice at a glance. */
export function podTone(pod: ViewPod): 'ready' | 'starting' | 'failing' | 'leaving' | 'done' {
  if (pod.status === 'Terminating') return 'leaving';
  if (/BackOff|Err|Error|Invalid|OOMKilled|Evicted|Failed|Unknown/.test(pod.status)) return 'failing';
  if (pod.phase === 'Succeeded' || pod.status === 'Completed') return 'done';
  if (pod.ready) return 'ready';
  return 'starting';
}

function age(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.round(s / 60);
  return m < 120 ? `${m}m` : `${Math.round(m / 60)}h`;
}

function PodBox({ pod }: { pod: ViewPod }) {
  const tone = podTone(pod);
  const tag = pod.image.includes(':') ? pod.image.slice(pod.image.lastIndexOf(':') + 1) : pod.image;
  const text = `${pod.namespace}/${pod.name}: ${pod.status}, ${pod.readyText} ready, image ${pod.image}`;
  return (
    <li class={`lab-pod tone-${tone}`} data-pod={pod.name} data-status={pod.status} data-ready={String(pod.ready)} title={text}>
      <span class="lab-pod-name">{pod.name}</span>
      <span class="lab-pod-status">{pod.status}</span>
      {tag && <span class="lab-pod-image">{tag}</span>}
      <span class="sr-only">{text}</span>
    </li>
  );
}

interface Props {
  view: ClusterViewModel | undefined;
  namespace: string;
  playing: boolean;
  onClock(action: ClockAction): void;
}

export function ClusterView({ view, namespace, playing, onClock }: Props) {
  const [allNamespaces, setAllNamespaces] = useState(false);
  if (!view) return <p>Starting the cluster…</p>;
  const shown = view.pods.filter((p) => allNamespaces || p.namespace === namespace || !systemNamespaces.has(p.namespace));
  const unscheduled = shown.filter((p) => !p.node);
  const clock = new Date(view.now).toISOString().slice(11, 19);
  return (
    <div class="lab-cluster">
      <div class="lab-toolbar" role="group" aria-label="Cluster clock">
        <span class="lab-clock">
          Cluster time <time>{clock}</time> {playing ? '(running)' : '(paused)'}
        </span>
        {playing ? (
          <button type="button" onClick={() => onClock('pause')}>Pause clock</button>
        ) : (
          <button type="button" onClick={() => onClock('play')}>Play clock</button>
        )}
        <button type="button" onClick={() => onClock('step')}>Step 1 s</button>
        <label class="lab-check">
          <input type="checkbox" checked={allNamespaces} onChange={(e) => setAllNamespaces((e.target as HTMLInputElement).checked)} /> System pods too
        </label>
      </div>
      <ul class="lab-nodes" aria-label="Nodes and their pods">
        {view.nodes.map((node) => {
          const pods = shown.filter((p) => p.node === node.name);
          return (
            <li class={`lab-node${node.ready ? '' : ' not-ready'}`} data-node={node.name} key={node.name}>
              <p class="lab-node-name">
                {node.name} <small>{node.roles}{node.ready ? '' : ' · NotReady'}{node.unschedulable ? ' · SchedulingDisabled' : ''}</small>
              </p>
              {pods.length ? (
                <ul class="lab-pods" aria-label={`Pods on ${node.name}`}>
                  {pods.map((pod) => <PodBox key={`${pod.namespace}/${pod.name}`} pod={pod} />)}
                </ul>
              ) : (
                <p class="lab-empty">no pods{allNamespaces ? '' : ' (system pods hidden)'}</p>
              )}
            </li>
          );
        })}
        {unscheduled.length > 0 && (
          <li class="lab-node unscheduled" data-node="">
            <p class="lab-node-name">Not scheduled yet</p>
            <ul class="lab-pods" aria-label="Pods waiting for a node">
              {unscheduled.map((pod) => <PodBox key={`${pod.namespace}/${pod.name}`} pod={pod} />)}
            </ul>
          </li>
        )}
      </ul>
      <details class="lab-events" open>
        <summary>Controller activity (recent events)</summary>
        <ol class="lab-event-log" aria-live="off">
          {view.events.slice(-15).map((event, index) => (
            <li key={index} class={event.type === 'Warning' ? 'warning' : ''}>
              <span class="lab-event-age">{age(view.now - event.time)}</span> <strong>{event.reason}</strong> <code>{event.object}</code>{' '}
              <span>{event.message}</span> <small>{event.source}</small>
            </li>
          ))}
          {view.events.length === 0 && <li>No events yet.</li>}
        </ol>
      </details>
    </div>
  );
}

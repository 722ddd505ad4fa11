/** @jsxImportSource preact */
// The "Simulator | My cluster" switch. My cluster needs the course running locally (`npm start`):
// then a bridge on 127.0.0.1 gives the terminal a real shell (node-pty) and grades the chosen kube
// context with client-node. On the static site the switch says how to get there.
import { bridgeInfo, connectBridge, type BridgeConnection, type Hello } from './bridge-client.ts';
import { OutputBuffer } from './output-buffer.ts';

export interface BridgeState {
  status: 'off' | 'connecting' | 'connected' | 'failed';
  connection?: BridgeConnection;
  hello?: Hello;
  output?: OutputBuffer;
  context?: string;
  message?: string;
}

interface Props {
  mode: 'simulator' | 'bridge';
  onMode(mode: 'simulator' | 'bridge'): void;
  bridge: BridgeState;
  onBridge(state: BridgeState): void;
  labId: string;
  onOutputReset(): void;
}

export function MyClusterPanel({ mode, onMode, bridge, onBridge, labId }: Props) {
  const info = bridgeInfo();
  const choose = async (next: 'simulator' | 'bridge') => {
    onMode(next);
    if (next !== 'bridge' || !info || bridge.status === 'connected' || bridge.status === 'connecting') return;
    onBridge({ status: 'connecting' });
    try {
      const connection = await connectBridge(info);
      const output = new OutputBuffer();
      connection.on((message) => {
        if (message.type === 'output') output.write(message.data);
        if (message.type === 'exit') output.write(`\r\n[the shell exited with status ${message.code}]\r\n`);
        if (message.type === 'error') output.write(`\r\n\x1b[31m${message.message}\x1b[0m\r\n`);
      });
      onBridge({
        status: 'connected',
        connection,
        hello: connection.hello,
        output: connection.hello.pty ? output : undefined,
        context: connection.hello.currentContext,
      });
    } catch (error) {
      onBridge({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div class="lab-mode">
      <fieldset class="lab-mode-switch">
        <legend>Cluster</legend>
        <label>
          <input type="radio" name={`lab-mode-${labId}`} value="simulator" checked={mode === 'simulator'} onChange={() => void choose('simulator')} /> Simulator
        </label>
        <label>
          <input type="radio" name={`lab-mode-${labId}`} value="bridge" checked={mode === 'bridge'} onChange={() => void choose('bridge')} /> My cluster
        </label>
      </fieldset>
      {mode === 'bridge' && (
        <div class="lab-mode-note" role="status">
          {!info && (
            <p>
              “My cluster” runs a real shell on your machine and grades your own kube context, so it needs the course running locally: clone the
              repository, run <code>npm install</code> and <code>npm start</code>, and open the page from <code>http://127.0.0.1:4321</code>. The
              simulator keeps working here in the meantime.
            </p>
          )}
          {info && bridge.status === 'connecting' && <p>Connecting to the local bridge…</p>}
          {info && bridge.status === 'failed' && <p>The local bridge did not answer: {bridge.message}</p>}
          {bridge.hello && !bridge.hello.pty && (
            <p>
              The terminal needs <code>node-pty</code>, an optional native module that is not installed here ({bridge.hello.ptyProblem}). Install
              it with <code>npm install node-pty</code> (it builds with Python 3 and a C++ compiler: <code>build-essential</code> on Debian and
              Ubuntu, the Xcode command line tools on macOS), then restart <code>npm start</code>. Until then, use your own terminal in{' '}
              <code>{bridge.hello.cwd}</code>; “Check my work” still grades your cluster from here.
            </p>
          )}
          {bridge.hello && (
            <label>
              Kube context{' '}
              <select value={bridge.context} onChange={(e) => onBridge({ ...bridge, context: (e.target as HTMLSelectElement).value })}>
                {bridge.hello.contexts.map((context) => (
                  <option key={context} value={context}>
                    {context}
                  </option>
                ))}
              </select>
              {bridge.hello.contexts.length === 0 && <span> (none found: {bridge.hello.contextProblem ?? 'no kubeconfig'})</span>}
            </label>
          )}
        </div>
      )}
    </div>
  );
}

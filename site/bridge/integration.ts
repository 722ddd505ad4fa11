// The dev-only Astro integration that starts the local shell bridge with `npm start` (astro dev).
// In dev it inlines this run's random token into every page and serves the bridge's port at a
// same-origin path; in `astro build` it does nothing, so the static site holds neither the token
// nor the bridge.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { bridgeEndpoint, bridgeGlobal } from './protocol.ts';

export function wheelhouseBridge(): AstroIntegration {
  let token: string | undefined;
  return {
    name: 'wheelhouse-bridge',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        if (command !== 'dev') return;
        token = randomBytes(32).toString('base64url');
        injectScript('head-inline', `globalThis.${bridgeGlobal}=${JSON.stringify({ token, endpoint: bridgeEndpoint })};`);
      },
      'astro:server:setup': async ({ server, logger }) => {
        if (!token) return;
        const { startBridge } = await import('./server.ts');
        const { gradeOnCluster, kubeContexts } = await import('./grading.node.ts');
        const origins = () => {
          const address = server.httpServer?.address();
          if (!address || typeof address === 'string') return [];
          return [`http://127.0.0.1:${address.port}`, `http://localhost:${address.port}`];
        };
        const bridge = await startBridge({
          token,
          allowedOrigins: origins,
          cwd: path.resolve('workspace'),
          grade: gradeOnCluster,
          contexts: kubeContexts,
          log: (message) => logger.warn(message),
        });
        logger.info(`shell bridge for "My cluster" on 127.0.0.1:${bridge.port}`);
        server.middlewares.use(bridgeEndpoint, (request, response) => {
          // Only the course's own pages may ask (browsers send Sec-Fetch-Site on fetch).
          const site = request.headers['sec-fetch-site'];
          if (site && site !== 'same-origin') {
            response.statusCode = 403;
            response.end();
            return;
          }
          response.setHeader('content-type', 'application/json');
          response.setHeader('cache-control', 'no-store');
          response.end(JSON.stringify({ port: bridge.port }));
        });
        server.httpServer?.once('close', () => void bridge.close());
      },
    },
  };
}

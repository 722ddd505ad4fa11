// Chapter 04's lab, walked as a learner walks it: write the manifest in the terminal, apply it,
// meet the broken tag, fix it, look inside, delete the Pod and bring it back from the file,
// then "Check my work" shows every check passing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteUnavailable, openSite, pageWithErrorLog, type SiteSession } from './site-fixture.ts';
import { checkMyWork, openLab, run, typeCommand } from './lab-fixture.ts';

const unavailable = browserSuiteUnavailable();

function manifest(image: string): string[] {
  return [
    "cat > catalog-pod.yaml <<'YAML'",
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: catalog',
    '  namespace: first-pod',
    '  labels:',
    '    app: catalog',
    '    tier: backend',
    'spec:',
    '  containers:',
    '    - name: catalog',
    `      image: ${image}`,
    '      ports:',
    '        - containerPort: 8080',
    'YAML',
  ];
}

describe.skipIf(unavailable)("chapter 04's lab, typed", () => {
  let session: SiteSession;
  beforeAll(async () => {
    session = await openSite();
  });
  afterAll(async () => session?.close());

  it('first-pod: from a broken tag to a Running Pod recreated from its file, every check passing', { timeout: 120_000 }, async () => {
    const { page, errors } = await pageWithErrorLog(session.browser);
    await page.goto(session.site.url + '/04-first-pod/');
    await openLab(page);
    const start = await checkMyWork(page);
    expect(Object.values(start)).toContain('fail');

    // The heredoc goes in line by line, the way a learner types it at the continuation prompt.
    for (const line of manifest('bookstore/catalog:v1.0')) await typeCommand(page, line);
    await run(page, 'kubectl apply -f catalog-pod.yaml', 'pod/catalog created');
    await run(page, 'kubectl get pod catalog -n first-pod -w', /ErrImagePull|ImagePullBackOff/);
    await page.keyboard.press('Control+C');
    await run(page, 'kubectl describe pod catalog -n first-pod | grep Failed', /Failed/);

    for (const line of manifest('bookstore/catalog:1.0')) await typeCommand(page, line);
    await run(page, 'kubectl apply -f catalog-pod.yaml', 'pod/catalog configured');
    await run(page, 'kubectl wait --for=condition=Ready pod/catalog -n first-pod --timeout=60s', 'pod/catalog condition met');
    await run(page, 'kubectl exec catalog -n first-pod -- wget -qO- localhost:8080/healthz', /ok/i);
    await run(page, 'kubectl delete pod catalog -n first-pod', 'pod "catalog" deleted');
    await run(page, 'kubectl apply -f catalog-pod.yaml', 'pod/catalog created');
    await run(page, 'kubectl wait --for=condition=Ready pod/catalog -n first-pod --timeout=60s', /condition met[\s\S]*condition met/);

    const end = await checkMyWork(page);
    expect(end).toEqual({ 'pod-running': 'pass', 'labels-and-port': 'pass', 'from-a-file': 'pass', recreated: 'pass' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

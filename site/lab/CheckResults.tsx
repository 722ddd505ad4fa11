/** @jsxImportSource preact */
// A grade, check by check: ✓ pass, ✗ fail, ! could not be checked — with the object and field a
// failure is about, what was expected and what was found, and the step's next hint.
import type { GradeReport } from './protocol.ts';

const marks = { pass: '✓', fail: '✗', error: '!' } as const;
const words = { pass: 'passed', fail: 'failed', error: 'could not be checked' } as const;

function Inline({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}</>;
}

export function CheckResults({ report }: { report: GradeReport }) {
  return (
    <section class="lab-results" aria-label="Check results" data-status={report.status}>
      <h4>
        {report.status === 'pass'
          ? `All ${report.checks.length} checks pass`
          : `${report.counts.pass} of ${report.checks.length} checks pass`}
      </h4>
      <ul>
        {report.checks.map((check) => (
          <li key={check.id} class={`lab-result ${check.status}`} data-check={check.id} data-status={check.status}>
            <span class="lab-result-mark" aria-hidden="true">
              {marks[check.status]}
            </span>
            <span class="sr-only">{words[check.status]}: </span>
            <strong>{check.title}</strong>
            <p class="lab-result-message">
              <Inline text={check.message} />
            </p>
            {check.status !== 'pass' && (check.field || check.expected !== undefined) && (
              <dl class="lab-result-fields">
                {check.object && (
                  <>
                    <dt>Object</dt>
                    <dd>
                      <code>{check.object}</code>
                    </dd>
                  </>
                )}
                {check.field && (
                  <>
                    <dt>Field</dt>
                    <dd>
                      <code>{check.field}</code>
                    </dd>
                  </>
                )}
                {check.expected !== undefined && (
                  <>
                    <dt>Expected</dt>
                    <dd>
                      <code>{String(check.expected)}</code>
                    </dd>
                  </>
                )}
                {check.found !== undefined && (
                  <>
                    <dt>Found</dt>
                    <dd>
                      <code>{String(check.found)}</code>
                    </dd>
                  </>
                )}
              </dl>
            )}
            {check.note && (
              <p class="lab-result-note">
                <Inline text={check.note} />
              </p>
            )}
            {check.status !== 'pass' && check.hint && (
              <p class="lab-result-hint">
                Hint: <Inline text={check.hint} />
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

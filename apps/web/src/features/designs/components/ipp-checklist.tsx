import type { IprStatus } from '@counterpoint/core';
import type { ReactNode } from 'react';

interface Step {
  title: string;
  body: ReactNode;
  /** The step is done once the design reaches one of these statuses. */
  doneWhen: IprStatus[];
}

const STEPS: Step[] = [
  {
    title: 'Register on IPP and verify your identity',
    body: (
      <>
        Create an account on Alibaba's Intellectual Property Protection platform
        (ipp.alibabagroup.com) and submit your identity documents.{' '}
        <strong>Verification takes several days</strong>, so start now even before all your designs
        are ready.
      </>
    ),
    doneWhen: ['pending', 'approved'],
  },
  {
    title: 'Submit one IPR for this artwork',
    body: (
      <>
        One IPR per artwork, under <em>IPR management → Add IPR</em>:
        <ul>
          <li>
            Type: <strong>Copyright</strong>
          </li>
          <li>
            Place of registration: <strong>Others</strong>
          </li>
          <li>Title of the work, and the registration number (or N/A, see below)</li>
          <li>Holder: you, exactly as on your identity verification</li>
          <li>
            A registration certificate, or a <strong>signed copyright claim statement</strong> with
            publication evidence (your original post, shop page or portfolio with its date)
          </li>
        </ul>
      </>
    ),
    doneWhen: ['pending', 'approved'],
  },
  {
    title: 'Use a unique registration reference',
    body: (
      <>
        IPP refuses a registration number it has already seen, so entering{' '}
        <strong>“N/A” twice fails</strong>. For a second unregistered artwork use a unique reference
        of your own (for example the title and year) and record it here.
      </>
    ),
    doneWhen: ['pending', 'approved'],
  },
  {
    title: 'Wait for the IPR review (3–5 business days)',
    body: (
      <>
        IPP reviews each IPR in about 3–5 business days. Record it here as{' '}
        <strong>under review</strong> when you submit it and as <strong>approved</strong> when IPP
        shows it: complaints can only be filed for approved designs.
      </>
    ),
    doneWhen: ['approved'],
  },
  {
    title: 'Be ready for a test-buy request',
    body: (
      <>
        Counterfeit and trademark complaints may be answered with a request for a{' '}
        <strong>test-buy or authentication report</strong>. Keep order receipts and photos of the
        copies you receive.
      </>
    ),
    doneWhen: [],
  },
];

/**
 * What to do on IPP before a complaint can be filed for a design, with the pitfalls artists
 * report. Shown for every design that is not approved yet.
 */
export function IppChecklist({ status }: { status: IprStatus }) {
  return (
    <section className="card checklist" aria-labelledby="ipp-checklist-title">
      <h2 id="ipp-checklist-title">Set up this design on IPP</h2>
      {status === 'rejected' && (
        <p className="alert alert-error">
          IPP rejected this IPR. Read IPP's reason, fix the submission (a repeated “N/A”
          registration number is the most common cause) and resubmit it, then record it here as
          under review.
        </p>
      )}
      <p className="muted">
        Until IPP approves the IPR of a design, no complaint can be filed for it.
      </p>
      <ol className="checklist-steps">
        {STEPS.map((step) => {
          const isDone = step.doneWhen.includes(status);
          return (
            <li key={step.title} className={isDone ? 'is-done' : undefined}>
              <span className="checklist-mark" aria-hidden="true">
                {isDone ? '✓' : ''}
              </span>
              <div>
                <h3>
                  {step.title}
                  {isDone && <span className="visually-hidden"> (done)</span>}
                </h3>
                <div className="checklist-body">{step.body}</div>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

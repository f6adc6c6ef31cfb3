import type { IprStatus } from '@counterpoint/core';
import type { IppSetupStep } from '@counterpoint/core/contracts';

/** The one-time set-up on IPP before a member can file for an artwork (DESIGN.md §1). */
export const IPP_SETUP_STEPS: Omit<IppSetupStep, 'state'>[] = [
  {
    key: 'register',
    title: 'Register on IPP and verify your identity',
    detail:
      "Create an account on Alibaba's Intellectual Property Protection platform (ipp.alibabagroup.com) and verify your identity. Verification takes several days, so start early.",
  },
  {
    key: 'submit_ipr',
    title: 'Submit one IPR per artwork',
    detail:
      'Type "Copyright", place of registration "Others", the artwork\'s title, its registration number or "N/A", the holder (you), and a certificate or a signed copyright claim statement with publication evidence (where and when you first published the work).',
  },
  {
    key: 'ipr_review',
    title: 'Wait for the IPR review',
    detail:
      'IPP reviews an IPR in about 3–5 business days. Once IPP shows it approved, record the approval on the design here, with its IPR reference: the plan gives you tasks from then on.',
  },
  {
    key: 'unique_registration',
    title: 'Never reuse a registration number',
    detail:
      'IPP refuses a registration number it has seen before. Give each artwork its own number, or "N/A" where it has none; if IPP refuses one, resubmit with the right number.',
  },
];

/**
 * Where a member stands on each step for one artwork. Registration is done once any of the
 * member's artworks has an IPR submitted; the last step is a standing note.
 */
export function setupStepsFor(iprStatus: IprStatus, hasSubmittedAnyIpr: boolean): IppSetupStep[] {
  const states: Record<IppSetupStep['key'], IppSetupStep['state']> = {
    register: hasSubmittedAnyIpr || iprStatus !== 'not_submitted' ? 'done' : 'to_do',
    submit_ipr: iprStatus === 'not_submitted' || iprStatus === 'rejected' ? 'to_do' : 'done',
    ipr_review:
      iprStatus === 'approved'
        ? 'done'
        : iprStatus === 'pending'
          ? 'waiting'
          : iprStatus === 'rejected'
            ? 'failed'
            : 'to_do',
    unique_registration: 'note',
  };
  return IPP_SETUP_STEPS.map((step) => ({ ...step, state: states[step.key] }));
}

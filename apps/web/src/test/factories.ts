import type { ArtworkView, ComplaintSummary } from '@counterpoint/core/contracts';

let sequence = 0;
const uuid = () => {
  sequence += 1;
  return `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
};

export function buildDesign(overrides: Partial<ArtworkView> = {}): ArtworkView {
  return {
    id: uuid(),
    title: 'Luna Moth enamel pin',
    description: '',
    iprType: 'copyright',
    registrationNumber: null,
    isRegistrationRequired: false,
    iprStatus: 'approved',
    ippIprReference: null,
    imageUrl: null,
    canFileComplaints: true,
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}

export function buildComplaintSummary(overrides: Partial<ComplaintSummary> = {}): ComplaintSummary {
  return {
    id: uuid(),
    artist: { id: null, name: 'Mira', isYou: true },
    artwork: { id: uuid(), title: 'Luna Moth enamel pin' },
    marketplace: 'aliexpress',
    severity: 'general',
    filedOn: '2026-03-02',
    ippReference: 'C7700001',
    visibility: 'collective',
    status: 'submitted',
    statusCounts: { submitted: 1 },
    listingCount: 1,
    sellerNames: ['GlowPins Official Store'],
    nextDeadline: null,
    lastRemovedOn: null,
    createdAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}

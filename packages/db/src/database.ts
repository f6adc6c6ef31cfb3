import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/*
 * The one description of the schema that application code sees. Column names are
 * camelCase here and snake_case in SQL; Kysely's CamelCasePlugin converts between them.
 * Dates of real-world events (`date` columns) are `YYYY-MM-DD` strings; instants are Dates.
 */

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Day = string;
type Json = ColumnType<unknown, string, string>;
type BigSerial = ColumnType<number, never, never>;

export type MarketplaceColumn = 'aliexpress' | 'alibaba' | 'taobao' | 'tmall' | '1688';
export type VisibilityColumn = 'private' | 'collective' | 'public';
export type IprStatusColumn = 'not_submitted' | 'pending' | 'approved' | 'rejected';
export type ComplaintStatusColumn =
  | 'draft'
  | 'submitted'
  | 'removed'
  | 'unable_to_process'
  | 'information_requested'
  | 'counter_notice'
  | 'responded'
  | 'restored'
  | 'withdrawn';

export interface ArtistsTable {
  id: Generated<string>;
  email: string;
  displayName: string;
  passwordHash: string;
  role: Generated<'artist' | 'moderator'>;
  publicAttribution: Generated<boolean>;
  publicName: string | null;
  checkbackDays: Generated<number>;
  counterNoticeBusinessDays: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Generated<Date>;
}

export interface SessionsTable {
  id: Generated<string>;
  artistId: string;
  tokenHash: string;
  csrfToken: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: CreatedAt;
  lastSeenAt: Generated<Date>;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  artistId: string;
  name: string;
  tokenPrefix: string;
  tokenHash: string;
  createdAt: CreatedAt;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface CollectivesTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Generated<Date>;
}

export interface MembershipsTable {
  collectiveId: string;
  artistId: string;
  role: 'owner' | 'admin' | 'member';
  joinedAt: CreatedAt;
}

export interface InvitationsTable {
  id: Generated<string>;
  collectiveId: string;
  tokenHash: string;
  role: 'admin' | 'member';
  createdBy: string | null;
  createdAt: CreatedAt;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedBy: string | null;
  revokedAt: Date | null;
}

export interface ArtworksTable {
  id: Generated<string>;
  artistId: string;
  title: string;
  description: Generated<string>;
  iprType: Generated<'copyright' | 'trademark' | 'patent'>;
  registrationNumber: string | null;
  isRegistrationRequired: Generated<boolean>;
  iprStatus: Generated<IprStatusColumn>;
  ippIprReference: string | null;
  imageKey: string | null;
  imageContentType: 'image/png' | 'image/jpeg' | 'image/webp' | null;
  imageSize: number | null;
  createdAt: CreatedAt;
  updatedAt: Generated<Date>;
}

export interface ArtworkIprEventsTable {
  id: BigSerial;
  artworkId: string;
  fromStatus: IprStatusColumn | null;
  toStatus: IprStatusColumn;
  occurredOn: Day;
  note: Generated<string>;
  recordedBy: string | null;
  createdAt: CreatedAt;
}

export interface SellersTable {
  id: Generated<string>;
  marketplace: MarketplaceColumn;
  storeId: string;
  name: string | null;
  storeUrl: string;
  factsVersion: Generated<number>;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Generated<Date>;
}

export interface SellerNotesTable {
  id: Generated<string>;
  sellerId: string;
  artistId: string;
  body: string;
  visibility: Generated<VisibilityColumn>;
  createdAt: CreatedAt;
  updatedAt: Generated<Date>;
}

export interface ListingsTable {
  id: Generated<string>;
  marketplace: MarketplaceColumn;
  itemId: string;
  canonicalUrl: string;
  sellerId: string | null;
  title: string | null;
  removedOn: Day | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Generated<Date>;
}

export interface SightingsTable {
  id: Generated<string>;
  artistId: string;
  artworkId: string;
  listingId: string;
  foundOn: Day;
  note: Generated<string>;
  evidenceKey: string | null;
  visibility: Generated<VisibilityColumn>;
  createdAt: CreatedAt;
  updatedAt: Generated<Date>;
}

export interface ComplaintsTable {
  id: Generated<string>;
  artistId: string;
  artworkId: string;
  marketplace: MarketplaceColumn;
  severity: Generated<'general' | 'serious'>;
  filedOn: Day | null;
  ippReference: string | null;
  reason: string;
  visibility: Generated<VisibilityColumn>;
  createdAt: CreatedAt;
  updatedAt: Generated<Date>;
}

export interface ComplaintListingsTable {
  id: Generated<string>;
  complaintId: string;
  listingId: string;
  sellerId: string | null;
  status: Generated<ComplaintStatusColumn>;
  statusOn: Day | null;
  establishedOn: Day | null;
  counterNoticeOn: Day | null;
  responseDueOn: Day | null;
  updatedAt: Generated<Date>;
  // The complaint's facts, copied by a trigger on every write (never set them): the seller
  // index covers them, so standings and the watchlist read a seller's history without joins.
  artistId: Generated<string>;
  artworkId: Generated<string>;
  iprType: Generated<'copyright' | 'trademark' | 'patent'>;
  severity: Generated<'general' | 'serious'>;
  filedOn: Generated<Day | null>;
  visibility: Generated<VisibilityColumn>;
}

export interface ComplaintStatusEventsTable {
  id: BigSerial;
  complaintListingId: string;
  fromStatus: ComplaintStatusColumn | null;
  toStatus: ComplaintStatusColumn;
  occurredOn: Day;
  note: Generated<string>;
  recordedBy: string | null;
  createdAt: CreatedAt;
}

export interface CampaignsTable {
  id: Generated<string>;
  collectiveId: string;
  name: string;
  goalPoints: Generated<number>;
  endsOn: Day | null;
  status: Generated<'open' | 'paused' | 'closed'>;
  inputsVersion: Generated<number>;
  plan: Json | null;
  planVersion: number | null;
  planComputedAt: Date | null;
  /** The day the stored plan was made for (its `today`). */
  planAsOf: Day | null;
  /** Hash of everything the stored plan was computed from. */
  planFingerprint: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Generated<Date>;
}

export interface CampaignSellersTable {
  campaignId: string;
  sellerId: string;
}

export interface CampaignParticipantsTable {
  campaignId: string;
  artistId: string;
  unavailableWeekdays: Generated<number[]>;
  unavailableDates: Generated<Day[]>;
  maxPerWeek: number | null;
  joinedAt: CreatedAt;
}

export interface CampaignTasksTable {
  id: Generated<string>;
  campaignId: string;
  artistId: string;
  artworkId: string;
  marketplace: MarketplaceColumn;
  plannedOn: Day;
  listingIds: string[];
  status: Generated<'planned' | 'filed' | 'skipped' | 'cancelled'>;
  complaintId: string | null;
  explanation: Generated<string>;
  /** The planner's deterministic key: same member, artwork and listings, same key. */
  taskKey: string;
  sellerId: string | null;
  expectedEstablishedOn: Day | null;
  part: Generated<number>;
  partCount: Generated<number>;
  isOnOwnDay: Generated<boolean>;
  filedOn: Day | null;
  skipReason: string | null;
  createdAt: CreatedAt;
  updatedAt: Generated<Date>;
}

export interface RemindersTable {
  id: Generated<string>;
  artistId: string;
  kind: 'check_back' | 'counter_notice_deadline' | 'campaign_task';
  complaintId: string | null;
  complaintListingId: string | null;
  campaignTaskId: string | null;
  dueOn: Day;
  doneAt: Date | null;
  notifiedAt: Date | null;
  createdAt: CreatedAt;
}

export interface NotificationsTable {
  id: Generated<string>;
  artistId: string;
  kind: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  dedupeKey: string | null;
  createdAt: CreatedAt;
  readAt: Date | null;
}

export interface SellerStandingsTable {
  sellerId: string;
  marketplace: MarketplaceColumn;
  rulesetId: string;
  confirmedPoints: number;
  pendingPoints: number;
  strikes: number;
  tierPoints: number | null;
  nextTierPoints: number | null;
  remainingPoints: number;
  isTerminated: boolean;
  complaintsNeeded: number | null;
  distinctDaysNeeded: number | null;
  pointsStartExpiringOn: Day | null;
  establishedComplaints: number;
  distinctArtists: number;
  activeListings: number;
  removedListings: number;
  firstEstablishedOn: Day | null;
  lastEstablishedOn: Day | null;
  estimate: Json;
  computedVersion: number;
  computedAt: Generated<Date>;
  nextChangeAt: Date | null;
}

export interface SellerLeaderboardTable {
  sellerId: string;
  timeWindow: LeaderboardWindow;
  marketplace: MarketplaceColumn;
  isPublic: boolean;
  points: number;
  distinctArtists: number;
  establishedComplaints: number;
  activeListings: number;
  lastEstablishedOn: Day | null;
  updatedAt: Generated<Date>;
}

export type LeaderboardWindow = '30d' | '90d' | '365d' | 'all';

export interface SellerTierEventsTable {
  id: BigSerial;
  sellerId: string;
  rulesetId: string;
  fromPoints: number | null;
  toPoints: number;
  tierLabel: string;
  occurredAt: Generated<Date>;
}

export interface ImportsTable {
  id: Generated<string>;
  artistId: string;
  filename: string;
  blobKey: string;
  status: Generated<'queued' | 'running' | 'completed' | 'failed'>;
  defaultArtworkId: string | null;
  visibility: Generated<VisibilityColumn>;
  totalRows: number | null;
  processedRows: Generated<number>;
  importedRows: Generated<number>;
  errorRows: Generated<number>;
  headerMapping: Json | null;
  summary: Json | null;
  failure: string | null;
  createdAt: CreatedAt;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface ImportRowErrorsTable {
  importId: string;
  line: number;
  code: string;
  message: string;
}

export interface OutboxTable {
  id: BigSerial;
  topic: string;
  payload: Json;
  createdAt: CreatedAt;
  processedAt: Date | null;
}

export interface AuditEventsTable {
  id: BigSerial;
  actorArtistId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  collectiveId: string | null;
  before: Json | null;
  after: Json | null;
  ip: string | null;
  createdAt: CreatedAt;
}

export interface PublicSnapshotTable {
  id: number;
  version: number;
  refreshedAt: Date;
  listedSellers: number;
  policy: Json | null;
}

/** One listed seller, ready to serve: documents as JSON text, sort keys and content hashes. */
export interface PublicWatchlistTable {
  sellerId: string;
  marketplace: MarketplaceColumn;
  storeId: string;
  points: number;
  tierPoints: number | null;
  establishedComplaints: number;
  distinctArtists: number;
  /** Days since 1970-01-01 of the last establishment (a sort key). */
  lastEstablishedDay: number;
  listedAt: Date;
  /** Snapshot version at which the seller was (last) listed (the "added" sort key). */
  listedOrder: number;
  entry: string;
  entryHash: string;
  page: string;
  pageHash: string;
  lastTierEventId: number;
  snapshotVersion: number;
  updatedAt: Generated<Date>;
}

export interface PublicWatchlistEventsTable {
  id: BigSerial;
  sellerId: string;
  kind: 'added' | 'tier';
  marketplace: MarketplaceColumn;
  storeId: string;
  storeName: string | null;
  fromPoints: number | null;
  toPoints: number | null;
  tierLabel: string | null;
  confirmedPoints: number;
  establishedComplaints: number;
  distinctArtists: number;
  rulesetId: string;
  occurredAt: Date;
  snapshotVersion: number;
}

export interface PublicWatchlistPendingTable {
  sellerId: string;
  queuedAt: Generated<Date>;
}

export interface SellerPublicHidesTable {
  sellerId: string;
  reason: string;
  hiddenBy: string | null;
  hiddenAt: Generated<Date>;
}

export interface PublicSafelistTable {
  id: Generated<string>;
  marketplace: MarketplaceColumn;
  storeId: string;
  note: Generated<string>;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export type DisputeStatusColumn = 'open' | 'upheld' | 'rejected';

export interface SellerDisputesTable {
  id: Generated<string>;
  sellerId: string;
  status: Generated<DisputeStatusColumn>;
  contactEmail: string;
  statement: string;
  evidenceUrl: string | null;
  submittedAt: Generated<Date>;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolvedCollectiveId: string | null;
  publicNote: string | null;
}

export interface Database {
  artists: ArtistsTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  collectives: CollectivesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  artworks: ArtworksTable;
  artworkIprEvents: ArtworkIprEventsTable;
  sellers: SellersTable;
  sellerNotes: SellerNotesTable;
  listings: ListingsTable;
  sightings: SightingsTable;
  complaints: ComplaintsTable;
  complaintListings: ComplaintListingsTable;
  complaintStatusEvents: ComplaintStatusEventsTable;
  campaigns: CampaignsTable;
  campaignSellers: CampaignSellersTable;
  campaignParticipants: CampaignParticipantsTable;
  campaignTasks: CampaignTasksTable;
  reminders: RemindersTable;
  notifications: NotificationsTable;
  sellerStandings: SellerStandingsTable;
  sellerTierEvents: SellerTierEventsTable;
  sellerLeaderboard: SellerLeaderboardTable;
  imports: ImportsTable;
  importRowErrors: ImportRowErrorsTable;
  outbox: OutboxTable;
  auditEvents: AuditEventsTable;
  publicSnapshot: PublicSnapshotTable;
  publicWatchlist: PublicWatchlistTable;
  publicWatchlistEvents: PublicWatchlistEventsTable;
  publicWatchlistPending: PublicWatchlistPendingTable;
  sellerPublicHides: SellerPublicHidesTable;
  publicSafelist: PublicSafelistTable;
  sellerDisputes: SellerDisputesTable;
}

export type Artist = Selectable<ArtistsTable>;
export type NewArtist = Insertable<ArtistsTable>;
export type ArtistUpdate = Updateable<ArtistsTable>;
export type Session = Selectable<SessionsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type Seller = Selectable<SellersTable>;
export type Listing = Selectable<ListingsTable>;
export type Artwork = Selectable<ArtworksTable>;
export type Complaint = Selectable<ComplaintsTable>;
export type ComplaintListing = Selectable<ComplaintListingsTable>;

import { MARKETPLACE_LABELS, MARKETPLACES, type Marketplace } from '@counterpoint/core';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { TierBadge } from '../../../components/charts/tier-badge';
import { EmptyState, ErrorState, LoadingState } from '../../../components/data-state';
import { Field, SelectField } from '../../../components/field';
import { PageHeader } from '../../../components/page-header';
import { Table, type Column } from '../../../components/table';
import { formatNumber } from '../../../lib/format';
import { useSellers } from '../api/get-sellers';
import { AddSellerForm } from './add-seller-form';
import styles from './sellers.module.css';

type SellerRow = NonNullable<
  ReturnType<typeof useSellers>['data']
>['pages'][number]['sellers'][number];

function isMarketplace(value: string | null): value is Marketplace {
  return value !== null && (MARKETPLACES as readonly string[]).includes(value);
}

const columns: Column<SellerRow>[] = [
  {
    key: 'seller',
    header: 'Seller',
    cell: (seller) => (
      <span className={styles.sellerCell}>
        <Link to={`/sellers/${seller.id}`} className={styles.sellerLink}>
          {seller.name ?? seller.storeId}
        </Link>
        {seller.name && <span className="mono muted small break">{seller.storeId}</span>}
      </span>
    ),
  },
  {
    key: 'marketplace',
    header: 'Marketplace',
    cell: (seller) => MARKETPLACE_LABELS[seller.marketplace],
  },
  {
    key: 'listings',
    header: 'Listings',
    align: 'end',
    cell: (seller) => formatNumber(seller.listingCount),
  },
  {
    key: 'points',
    header: 'Confirmed points',
    align: 'end',
    cell: (seller) =>
      seller.confirmedPoints === null ? (
        <span className="muted">—</span>
      ) : (
        <span className={styles.points}>
          <strong>{formatNumber(seller.confirmedPoints)}</strong>
          {!!seller.pendingPoints && (
            <span className="muted small">+{formatNumber(seller.pendingPoints)} pending</span>
          )}
        </span>
      ),
  },
  {
    key: 'tier',
    header: 'Tier (estimate)',
    cell: (seller) => (
      <TierBadge tierLabel={seller.tierLabel} isComputed={seller.confirmedPoints !== null} />
    ),
  },
];

export function SellersPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const marketplaceParam = searchParams.get('marketplace');
  const marketplace = isMarketplace(marketplaceParam) ? marketplaceParam : undefined;
  const q = searchParams.get('q')?.trim() || undefined;
  const [search, setSearch] = useState(q ?? '');
  const sellers = useSellers({ marketplace, q });
  const rows = sellers.data?.pages.flatMap((page) => page.sellers) ?? [];
  const isFiltered = Boolean(marketplace || q);

  const setFilter = (name: 'marketplace' | 'q', value: string) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  };

  const submitSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter('q', search.trim());
  };

  return (
    <>
      <PageHeader
        title="Sellers"
        description="Stores connected to you: from your findings, your collectives and complaints shared with you. Points and tiers are estimates."
      />
      <div className={styles.layout}>
        <section aria-labelledby="sellers-list-title" className={styles.list}>
          <h2 id="sellers-list-title" className="visually-hidden">
            Your sellers
          </h2>
          <div className={styles.filters}>
            <SelectField
              label="Marketplace"
              value={marketplace ?? ''}
              onChange={(event) => setFilter('marketplace', event.target.value)}
            >
              <option value="">All marketplaces</option>
              {MARKETPLACES.map((value) => (
                <option key={value} value={value}>
                  {MARKETPLACE_LABELS[value]}
                </option>
              ))}
            </SelectField>
            <form role="search" onSubmit={submitSearch} className={styles.search}>
              <Field
                label="Search by name or store id"
                type="search"
                name="q"
                value={search}
                onChange={(event) => {
                  setSearch(event.target.value);
                  if (!event.target.value) setFilter('q', '');
                }}
              />
              <button type="submit" className="button">
                Search
              </button>
            </form>
          </div>

          {sellers.isPending ? (
            <LoadingState label="Loading sellers…" />
          ) : sellers.error && rows.length === 0 ? (
            <ErrorState
              error={sellers.error}
              title="Your sellers could not be loaded."
              onRetry={() => void sellers.refetch()}
            />
          ) : rows.length === 0 ? (
            isFiltered ? (
              <EmptyState title="No seller matches these filters.">
                Try another marketplace or search, or clear the filters.
              </EmptyState>
            ) : (
              <EmptyState
                title="No sellers yet."
                action={
                  <Link to="/findings" className="button primary">
                    Add findings
                  </Link>
                }
              >
                Sellers appear here when you paste listing URLs, add a store below, or a collective
                you belong to shares one.
              </EmptyState>
            )
          ) : (
            <>
              <Table
                stackOnPhone
                caption="Sellers connected to you, with estimated points and tier"
                columns={columns}
                rows={rows}
                rowKey={(seller) => seller.id}
              />
              <div className={styles.more}>
                <p className="muted small" role="status">
                  {rows.length === 1 ? '1 seller' : `${formatNumber(rows.length)} sellers`} shown
                </p>
                {sellers.hasNextPage && (
                  <button
                    type="button"
                    className="button"
                    onClick={() => void sellers.fetchNextPage()}
                    disabled={sellers.isFetchingNextPage}
                  >
                    {sellers.isFetchingNextPage ? 'Loading…' : 'Load more'}
                  </button>
                )}
              </div>
              {sellers.isFetchNextPageError && (
                <ErrorState error={sellers.error} title="More sellers could not be loaded." />
              )}
            </>
          )}
        </section>
        <AddSellerForm />
      </div>
    </>
  );
}

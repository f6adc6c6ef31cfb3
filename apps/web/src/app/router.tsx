import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { HomePage } from './home-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RequireAuth } from './require-auth';
import { RouteError } from './route-error';

/** A route whose page is loaded on demand (one chunk per page). */
function page<Module>(
  path: string | undefined,
  load: () => Promise<Module>,
  pick: (module: Module) => ComponentType,
): RouteObject {
  return { path, lazy: async () => ({ Component: pick(await load()) }) };
}

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError standalone />,
    // Shown while the first page's code loads.
    hydrateFallbackElement: <div className="boot" aria-busy="true" />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          // Signed out: the introduction; signed in: the dashboard (loaded on demand).
          { index: true, element: <HomePage /> },
          page(
            'sign-in',
            () => import('../features/auth/components/sign-in-page'),
            (m) => m.SignInPage,
          ),
          page(
            'sign-up',
            () => import('../features/auth/components/sign-up-page'),
            (m) => m.SignUpPage,
          ),
          // The public watchlist: no sign-in, for everyone.
          page(
            'watchlist',
            () => import('../features/watchlist/components/watchlist-page'),
            (m) => m.WatchlistPage,
          ),
          page(
            'watchlist/:marketplace/:storeId',
            () => import('../features/watchlist/components/public-seller-page'),
            (m) => m.PublicSellerPage,
          ),
          // The invitation token is in the URL fragment; the page handles signed-out visitors.
          page(
            'invite',
            () => import('../features/collectives/components/invite-page'),
            (m) => m.InvitePage,
          ),
          {
            element: <RequireAuth />,
            children: [
              page(
                'designs',
                () => import('../features/designs/components/designs-page'),
                (m) => m.DesignsPage,
              ),
              page(
                'designs/new',
                () => import('../features/designs/components/new-design-page'),
                (m) => m.NewDesignPage,
              ),
              page(
                'designs/:artworkId',
                () => import('../features/designs/components/design-page'),
                (m) => m.DesignPage,
              ),
              page(
                'findings',
                () => import('../features/findings/components/findings-page'),
                (m) => m.FindingsPage,
              ),
              page(
                'complaints',
                () => import('../features/complaints/components/complaints-page'),
                (m) => m.ComplaintsPage,
              ),
              page(
                'complaints/new',
                () => import('../features/complaints/components/new-complaint-page'),
                (m) => m.NewComplaintPage,
              ),
              page(
                'complaints/:complaintId',
                () => import('../features/complaints/components/complaint-page'),
                (m) => m.ComplaintPage,
              ),
              page(
                'sellers',
                () => import('../features/sellers/components/sellers-page'),
                (m) => m.SellersPage,
              ),
              page(
                'sellers/:sellerId',
                () => import('../features/sellers/components/seller-page'),
                (m) => m.SellerPage,
              ),
              page(
                'collectives',
                () => import('../features/collectives/components/collectives-page'),
                (m) => m.CollectivesPage,
              ),
              page(
                'collectives/:collectiveId',
                () => import('../features/collectives/components/collective-page'),
                (m) => m.CollectivePage,
              ),
              page(
                'collectives/:collectiveId/campaigns',
                () => import('../features/campaigns/components/campaigns-page'),
                (m) => m.CampaignsPage,
              ),
              page(
                'collectives/:collectiveId/campaigns/:campaignId',
                () => import('../features/campaigns/components/campaign-page'),
                (m) => m.CampaignPage,
              ),
              // Task reminders link here: the page finds the task's campaign and opens it.
              page(
                'campaigns/tasks/:taskId',
                () => import('../features/campaigns/components/task-redirect-page'),
                (m) => m.TaskRedirectPage,
              ),
              page(
                'leaderboards',
                () => import('../features/leaderboards/components/leaderboard-page'),
                (m) => m.LeaderboardPage,
              ),
              page(
                'settings',
                () => import('../features/account/components/settings-page'),
                (m) => m.SettingsPage,
              ),
              page(
                'disputes',
                () => import('../features/disputes/components/disputes-page'),
                (m) => m.DisputesPage,
              ),
              page(
                'moderation',
                () => import('../features/moderation/components/moderation-page'),
                (m) => m.ModerationPage,
              ),
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);

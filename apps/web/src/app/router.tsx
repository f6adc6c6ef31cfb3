import { createBrowserRouter } from 'react-router';
import { Layout } from './layout';
import { HomePage } from './home-page';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'sign-in',
        lazy: async () => ({
          Component: (await import('../features/auth/components/sign-in-page')).SignInPage,
        }),
      },
      {
        path: 'sign-up',
        lazy: async () => ({
          Component: (await import('../features/auth/components/sign-up-page')).SignUpPage,
        }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

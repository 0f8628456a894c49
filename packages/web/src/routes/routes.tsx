import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { AppLayout } from '../components/AppLayout.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { RequirePermission, RequireSession } from './guards.tsx';
import { NotFound } from './NotFound.tsx';
import { RouteError } from './RouteError.tsx';

// Screens beyond the home page are split into their own chunks.
const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

const ChildrenPage = named(() => import('../features/children/ChildrenPage.tsx'), 'ChildrenPage');
const RegisterChildPage = named(() => import('../features/children/RegisterChildPage.tsx'), 'RegisterChildPage');
const ChildDetailPage = named(() => import('../features/children/ChildDetailPage.tsx'), 'ChildDetailPage');
const AgenciesPage = named(() => import('../features/admin/agencies/AgenciesPage.tsx'), 'AgenciesPage');
const TeamsPage = named(() => import('../features/admin/teams/TeamsPage.tsx'), 'TeamsPage');
const UsersPage = named(() => import('../features/admin/users/UsersPage.tsx'), 'UsersPage');
const UserDetailPage = named(() => import('../features/admin/users/UserDetailPage.tsx'), 'UserDetailPage');
const RolesPage = named(() => import('../features/admin/roles/RolesPage.tsx'), 'RolesPage');
const AuditPage = named(() => import('../features/audit/AuditPage.tsx'), 'AuditPage');
const AccountPage = named(() => import('../features/account/AccountPage.tsx'), 'AccountPage');

export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  {
    element: <RequireSession />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'children',
            element: (
              <RequirePermission permission="child:list">
                <ChildrenPage />
              </RequirePermission>
            ),
          },
          {
            path: 'children/new',
            element: (
              <RequirePermission permission="child:create">
                <RegisterChildPage />
              </RequirePermission>
            ),
          },
          {
            path: 'children/:id',
            element: (
              <RequirePermission permission="child:read">
                <ChildDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/agencies',
            element: (
              <RequirePermission permission="agency:read">
                <AgenciesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/teams',
            element: (
              <RequirePermission permission="team:read">
                <TeamsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/users',
            element: (
              <RequirePermission permission="user:read">
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/users/:id',
            element: (
              <RequirePermission permission="user:read">
                <UserDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/roles',
            element: (
              <RequirePermission permission="role:read">
                <RolesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequirePermission permission="audit:read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          { path: 'account', element: <AccountPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

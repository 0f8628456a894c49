import type { Permission } from '@haven/domain';
import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { AppLayout } from '../components/AppLayout.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { RequirePermission, RequireSession } from './guards.tsx';
import { NotFound } from './NotFound.tsx';
import { RouteError } from './RouteError.tsx';

// Screens beyond the home page are split into their own chunks.
const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

const HomePage = named(() => import('../features/home/HomePage.tsx'), 'HomePage');
const ChildrenPage = named(() => import('../features/children/list/ChildrenPage.tsx'), 'ChildrenPage');
const RegisterChildPage = named(() => import('../features/children/register/RegisterChildPage.tsx'), 'RegisterChildPage');
const FirstContactPage = named(() => import('../features/children/firstContact/FirstContactPage.tsx'), 'FirstContactPage');
const CasePage = named(() => import('../features/cases/page/CasePage.tsx'), 'CasePage');
const ApprovalsPage = named(() => import('../features/approvals/ApprovalsPage.tsx'), 'ApprovalsPage');
const DuplicateReviewsPage = named(() => import('../features/duplicateReviews/DuplicateReviewsPage.tsx'), 'DuplicateReviewsPage');
const AgenciesPage = named(() => import('../features/admin/agencies/AgenciesPage.tsx'), 'AgenciesPage');
const TeamsPage = named(() => import('../features/admin/teams/TeamsPage.tsx'), 'TeamsPage');
const UsersPage = named(() => import('../features/admin/users/UsersPage.tsx'), 'UsersPage');
const UserDetailPage = named(() => import('../features/admin/users/UserDetailPage.tsx'), 'UserDetailPage');
const AreasPage = named(() => import('../features/admin/areas/AreasPage.tsx'), 'AreasPage');
const RolesPage = named(() => import('../features/admin/roles/RolesPage.tsx'), 'RolesPage');
const ChangeRequestsPage = named(() => import('../features/admin/changeRequests/ChangeRequestsPage.tsx'), 'ChangeRequestsPage');
const AuditPage = named(() => import('../features/audit/AuditPage.tsx'), 'AuditPage');
const AccountPage = named(() => import('../features/account/AccountPage.tsx'), 'AccountPage');

/** A page shown only to roles with `permission` (all of them, if several; the server enforces it too). */
const guarded = (path: string, permission: Permission | Permission[], page: ReactNode): RouteObject => ({
  path,
  element: <RequirePermission permission={permission}>{page}</RequirePermission>,
});

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
          guarded('children', 'child:list', <ChildrenPage />),
          guarded('children/new', ['child:create', 'child:list'], <RegisterChildPage />),
          guarded('children/first-contact', 'child:create', <FirstContactPage />),
          guarded('children/:id', 'child:read', <CasePage />),
          guarded('approvals', ['child:list', 'case:approve'], <ApprovalsPage />),
          guarded('duplicate-reviews', ['child:read', 'case:approve'], <DuplicateReviewsPage />),
          guarded('admin/agencies', 'agency:read', <AgenciesPage />),
          guarded('admin/teams', 'team:read', <TeamsPage />),
          guarded('admin/users', 'user:read', <UsersPage />),
          guarded('admin/users/:id', 'user:read', <UserDetailPage />),
          guarded('admin/roles', 'role:read', <RolesPage />),
          guarded('admin/areas', 'agency:read', <AreasPage />),
          guarded('admin/change-requests', 'audit:read', <ChangeRequestsPage />),
          guarded('audit', 'audit:read', <AuditPage />),
          { path: 'account', element: <AccountPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { AuthLayout } from '../../components/AuthLayout.tsx';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { useSession } from './api.ts';
import { CredentialsForm } from './CredentialsForm.tsx';
import { EnrolmentStep } from './EnrolmentStep.tsx';
import { MfaVerifyForm } from './MfaVerifyForm.tsx';

function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/sign-in') ? from : '/';
}

/** Sign-in, then the second factor or its enrolment, whichever the session state asks for. */
export function SignInPage() {
  const session = useSession();
  const location = useLocation();
  // Once enrolment starts it stays on screen until the recovery codes are acknowledged.
  const [enrolling, setEnrolling] = useState(false);
  const state = session.data?.state;
  if (state === 'mfa_enrolment_required' && !enrolling) setEnrolling(true);

  if (session.isPending) return <FullPageLoader />;
  if (state === 'active' && !enrolling) return <Navigate to={returnPath(location.state)} replace />;

  return (
    <AuthLayout>
      {session.error ? <ApiErrorAlert error={session.error} /> : null}
      {enrolling ? (
        <EnrolmentStep onDone={() => setEnrolling(false)} />
      ) : state === 'mfa_required' ? (
        <MfaVerifyForm />
      ) : (
        <CredentialsForm />
      )}
    </AuthLayout>
  );
}

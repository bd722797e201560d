'use client';
import { signOut } from 'next-auth/react';
import { useState } from 'react';

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-ghost btn-sm"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        try {
          await signOut({ redirect: false });
        } finally {
          // A full load: no page of the signed-in area stays in the client cache.
          window.location.assign('/login');
        }
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}

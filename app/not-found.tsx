import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <h1>Page not found</h1>
        <p className="muted">There is nothing at this address.</p>
        <Link href="/patients">Go to patients</Link>
      </div>
    </main>
  );
}

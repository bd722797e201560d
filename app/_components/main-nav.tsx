'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useHasScope } from './viewer-context';

interface NavItem {
  href: string;
  label: string;
}

const CLINICAL: NavItem[] = [
  { href: '/patients', label: 'Patients' },
  { href: '/jobs', label: 'Jobs' },
];

/** For roles that review findings (physicians and admins: write:findings). */
const REVIEW: NavItem = { href: '/review', label: 'Review queue' };

/** The SDTM workspace: editable with write:sdtm (coordinators, admins), read-only with read:sdtm. */
const STUDIES: NavItem = { href: '/studies', label: 'Studies · SDTM' };

const ADMIN: NavItem[] = [
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/tokens', label: 'API tokens' },
  { href: '/admin/audit', label: 'Audit log' },
];

function NavSection({ title, items, pathname }: { title: string; items: NavItem[]; pathname: string }) {
  const id = `nav-${title.toLowerCase()}`;
  return (
    <div>
      <h2 className="nav-section-title" id={id}>
        {title}
      </h2>
      <ul className="nav-list" aria-labelledby={id}>
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link href={item.href} className="nav-link" aria-current={active ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function MainNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname() ?? '';
  const sdtm = useHasScope('read:sdtm');
  const canReview = useHasScope('write:findings');
  const clinical = [
    CLINICAL[0],
    ...(canReview ? [REVIEW] : []),
    ...CLINICAL.slice(1),
    ...(sdtm ? [STUDIES] : []),
  ];
  return (
    <nav aria-label="Main" className="stack">
      <NavSection title="Clinical" items={clinical} pathname={pathname} />
      {isAdmin && <NavSection title="Admin" items={ADMIN} pathname={pathname} />}
    </nav>
  );
}

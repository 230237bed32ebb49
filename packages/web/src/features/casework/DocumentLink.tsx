import { fillPath } from '@lotse/domain/src/api/route.ts';
import type { ReactNode } from 'react';

/** A document of the client's record (a form to print and sign), opened in a new tab. */
export function DocumentLink({
  path,
  clientId,
  query = '',
  children,
}: {
  /** The endpoint's path pattern, e.g. `clientRecordEndpoints.downloadConsentForm.path`. */
  path: string;
  clientId: string;
  /** Appended as it is, e.g. `?language=de-LS`. */
  query?: string;
  children: ReactNode;
}) {
  return (
    <a
      className="btn btn--quiet"
      href={`${fillPath(path, { id: clientId })}${query}`}
      target="_blank"
      rel="noopener"
    >
      {children}
    </a>
  );
}

import { createHash, randomBytes } from 'node:crypto';

/** A random secret for cookies and links; only its hash is stored, so a database leak reveals none. */
export const newToken = () => randomBytes(32).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

import type { z } from 'zod';
import { paged } from '../common/paging.ts';
import type { Access } from './route.ts';

/**
 * Builders for the contracts most routes share, so that a route table states only what differs: the
 * summary and the request schema. A record's routes take their access and answer from one place, so
 * that reading and changing it cannot drift apart.
 */

type Body<B> = B extends z.ZodType ? { readonly body: B } : Record<never, never>;

function bodyOf<B extends z.ZodType | undefined>(body: B): Body<B> {
  return (body ? { body } : {}) as Body<B>;
}

/** A route without query or body (a read, or a step named by its path): it answers 200 with `answer`. */
export function answers<const A extends Access, V extends z.ZodType>(access: A, summary: string, answer: V) {
  return { access, summary, response: { 200: answer } };
}

/** A read answered from a query: a report, a search, suggestions. */
export function queried<const A extends Access, Q extends z.ZodType, V extends z.ZodType>(
  access: A,
  summary: string,
  query: Q,
  answer: V,
) {
  return { access, summary, query, response: { 200: answer } };
}

/** A page of items found by a query (`paged`: items, page, pageSize, total). */
export function pagedList<const A extends Access, Q extends z.ZodType, I extends z.ZodType>(
  access: A,
  summary: string,
  query: Q,
  item: I,
) {
  return queried(access, summary, query, paged(item));
}

/**
 * The routes of one kind of record, each answering with its view: `read` and `list` need the read
 * access; `create` (201) and `change` (200, e.g. an update or a step like close or publish) the write
 * access, each with its request body if it takes one.
 */
export function recordContracts<const R extends Access, const W extends Access, V extends z.ZodType>(
  view: V,
  access: { readonly read: R; readonly write: W },
) {
  return {
    read: (summary: string) => answers(access.read, summary, view),
    list: <Q extends z.ZodType>(summary: string, query: Q) => pagedList(access.read, summary, query, view),
    create: <B extends z.ZodType | undefined = undefined>(summary: string, body?: B) => ({
      access: access.write,
      summary,
      ...bodyOf(body as B),
      response: { 201: view },
    }),
    change: <B extends z.ZodType | undefined = undefined>(summary: string, body?: B) => ({
      access: access.write,
      summary,
      ...bodyOf(body as B),
      response: { 200: view },
    }),
  };
}

/**
 * The guide's side of a one-time link to a public page: `create` answers 201 with the link and its
 * token (shown only then), `list` the record's links with their status, `revoke` ends an open one.
 */
export function oneTimeLinkContracts<
  const R extends Access,
  const W extends Access,
  V extends z.ZodType,
  L extends z.ZodType,
  S extends z.ZodType,
>(access: { readonly read: R; readonly write: W }, schemas: { created: V; list: L; summary: S }) {
  return {
    create: recordContracts(schemas.created, access).create,
    list: recordContracts(schemas.list, access).read,
    revoke: recordContracts(schemas.summary, access).change,
  };
}

/**
 * A public route behind a one-time link: anyone with the link may call it, and the token in its path
 * is a secret the log redacts.
 */
export function behindLink<P extends z.ZodObject<{ token: z.ZodType }>>(params: P) {
  return { access: 'public', secretParams: ['token'], params } as const;
}

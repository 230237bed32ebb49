/** Which page of a list the client asked for; pages count from 1. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** How many rows come before the page. */
export const pageOffset = (q: PageRequest) => (q.page - 1) * q.pageSize;

/** One page of a list as every list endpoint answers it. */
export const pageOf = <T>(q: PageRequest, items: T[], total: number) => ({
  items,
  page: q.page,
  pageSize: q.pageSize,
  total,
});

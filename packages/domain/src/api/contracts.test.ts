import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  answers,
  behindLink,
  oneTimeLinkContracts,
  pagedList,
  queried,
  recordContracts,
} from './contracts.ts';
import { spreadsheetImport } from './spreadsheet-import.ts';

const view = z.object({ id: z.uuid() });
const body = z.strictObject({ name: z.string() });
const query = z.object({ page: z.number() });

describe('recordContracts', () => {
  const record = recordContracts(view, { read: 'network.read', write: 'network.write' });

  it('reads with the read access and answers 200 with the view', () => {
    expect(record.read('One')).toEqual({ access: 'network.read', summary: 'One', response: { 200: view } });
  });

  it('creates with the write access and answers 201; a body only where given', () => {
    expect(record.create('Add', body)).toEqual({
      access: 'network.write',
      summary: 'Add',
      body,
      response: { 201: view },
    });
    expect(record.create('Copy')).not.toHaveProperty('body');
  });

  it('changes with the write access and answers 200; a body only where given', () => {
    expect(record.change('Change', body)).toMatchObject({
      access: 'network.write',
      body,
      response: { 200: view },
    });
    expect(record.change('Publish')).not.toHaveProperty('body');
  });

  it('lists a page of the view with the read access', () => {
    const list = record.list('Search', query);
    expect(list).toMatchObject({ access: 'network.read', summary: 'Search', query });
    const page = list.response[200].parse({
      items: [{ id: crypto.randomUUID() }],
      page: 1,
      pageSize: 50,
      total: 1,
    });
    expect(page.total).toBe(1);
  });
});

describe('queried and pagedList', () => {
  it('answer a query with the given schema, or a page of items', () => {
    expect(queried('reports.read', 'Report', query, view)).toEqual({
      access: 'reports.read',
      summary: 'Report',
      query,
      response: { 200: view },
    });
    const list = pagedList('audit.read', 'Audit', query, view);
    expect(() => list.response[200].parse({ items: [], page: 1, pageSize: 50 })).toThrow();
  });
});

describe('behindLink', () => {
  it('is public and declares the token a secret', () => {
    const params = z.object({ token: z.string() });
    expect(behindLink(params)).toEqual({ access: 'public', secretParams: ['token'], params });
  });
});

describe('oneTimeLinkContracts', () => {
  const created = z.object({ id: z.uuid(), token: z.string() });
  const summary = z.object({ id: z.uuid(), status: z.string() });
  const list = z.object({ items: z.array(summary) });
  const links = oneTimeLinkContracts(
    { read: 'referrals.read', write: 'referrals.write' },
    { created, list, summary },
  );

  it('creates a link (201, with its token), lists the links and revokes one', () => {
    expect(links.create('Create')).toEqual({
      access: 'referrals.write',
      summary: 'Create',
      response: { 201: created },
    });
    expect(links.list('List')).toEqual(answers('referrals.read', 'List', list));
    expect(links.revoke('Revoke')).toEqual({
      access: 'referrals.write',
      summary: 'Revoke',
      response: { 200: summary },
    });
  });
});

describe('spreadsheetImport', () => {
  it('takes a base64 file of up to 10 MB in a larger body', () => {
    const route = spreadsheetImport('districts.manage', 'Import');
    expect(route.bodyLimit).toBeGreaterThan((10 * 1024 * 1024 * 4) / 3);
    expect(route.body.parse({ format: 'csv', data: 'YQ==' })).toEqual({
      format: 'csv',
      data: 'YQ==',
      mode: 'preview',
      skipInvalid: false,
    });
  });
});

import { districtList, importRequest, importResult, putDistrictsRequest } from '@lotse/domain';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import * as districts from './districts.service.ts';

export function districtRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/districts',
    {
      config: { action: 'districts.read' },
      schema: {
        tags: ['Sozialräume'],
        summary: 'The districts of the own agency (key, name, optional AGS, GeoJSON centre and boundary)',
        response: { 200: districtList },
      },
    },
    async (req) => districts.list(ctx, actorOf(req)),
  );
  app.put(
    '/api/districts',
    {
      config: { action: 'districts.manage' },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags: ['Sozialräume'],
        summary: 'Replace the whole list; removing a key still used by offers or partners is 409',
        body: putDistrictsRequest,
        response: { 200: districtList },
      },
    },
    async (req) => districts.replace(ctx, actorOf(req), req.body),
  );
  app.post(
    '/api/districts/import',
    {
      config: { action: 'districts.manage' },
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags: ['Sozialräume'],
        summary: 'Import districts from CSV or XLSX (preview or commit; merged by key)',
        body: importRequest,
        response: { 200: importResult },
      },
    },
    async (req) => districts.importCsv(ctx, actorOf(req), req.body),
  );
}

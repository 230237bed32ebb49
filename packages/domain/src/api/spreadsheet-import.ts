import { importRequest, importResult } from '../network/network.schema.ts';
import type { Access } from './route.ts';

/**
 * An import from a CSV or XLSX file (base64 in the JSON body): a preview with row-level errors, or a
 * commit. The file may be up to 10 MB before encoding.
 */
export function spreadsheetImport<const A extends Access>(access: A, summary: string) {
  return {
    access,
    bodyLimit: 15 * 1024 * 1024,
    summary,
    body: importRequest,
    response: { 200: importResult },
  };
}

import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { reportPdf } from '../../test/helpers/pdf-fixtures.js';
import { readPdf } from './pdf.js';

// Taken before any PDF of this file is read.
const nativePush = Array.prototype.push;

async function pagesPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++)
    doc.addPage([200, 200]).drawText(`China lent Peru US$ ${i} million.`, { x: 10, y: 100, size: 8, font });
  return doc.save({ useObjectStreams: false });
}

describe('reading a PDF within its budget', () => {
  it('refuses a PDF of more pages than the limit before reading them, and reads one at the limit', async () => {
    const pdf = await pagesPdf(12);
    await expect(readPdf(pdf, 11)).rejects.toMatchObject({
      code: 'payload_too_large',
      message: 'PDF of 12 pages, more than the limit of 11',
      hint: 'raise --max-pdf-pages or split the PDF',
    });
    expect((await readPdf(pdf, 12)).pages).toBe(12);
  });

  it("leaves V8's own Array.prototype.push after pdf.js has loaded (its polyfill is 2.6 times slower)", async () => {
    expect((await readPdf(await reportPdf())).pages).toBe(2);
    expect(Array.prototype.push).toBe(nativePush);
  });
});

import { PDFDocument, PDFName, PDFNumber, PDFString, StandardFonts } from 'pdf-lib';

// The lines of each page, top to bottom; an empty string is a blank line (a paragraph break).
const pages: { heading?: string; lines: string[] }[] = [
  {
    heading: 'Informe 2024: el litio y la inversión china en Bolivia',
    lines: [
      'La Paz, marzo de 2024. Este informe resume los acuerdos firmados por Yacimientos de Litio',
      'Bolivianos (YLB) con empresas chinas para explotar el salar de Uyuni.',
      '',
      'En enero de 2023, YLB firmó con el consorcio CBC, liderado por la china CATL, un acuerdo',
      'para construir dos plantas de extracción directa de litio. La inversión compro-',
      'metida es de US$ 1.000 millones y la capacidad prevista es de 25.000 toneladas',
      'anuales de carbonato de litio.',
      '',
      'Los municipios de Potosí reclaman una participación mayor en las regalías.',
    ],
  },
  {
    lines: [
      'En junio de 2023 se sumaron CITIC Guoan y la rusa Uranium One con otros',
      'US$ 1.400 millones. La producción comenzaría en 2025, según el Ministerio de',
      'Hidrocarburos y Energías.',
      '',
      'Anexo: metodología y fuentes consultadas.',
    ],
  },
];

/** A two-page Spanish report as a PDF (Helvetica, WinAnsi text): title and author in its information dictionary. */
export async function reportPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('El litio boliviano y China');
  doc.setAuthor('Observatorio Andino');
  doc.setCreationDate(new Date('2024-03-18T12:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const content of pages) {
    const page = doc.addPage([595, 842]);
    let y = 780;
    if (content.heading) {
      page.drawText(content.heading, { x: 56, y, size: 15, font: bold });
      y -= 36;
    }
    for (const line of content.lines) {
      if (line !== '') page.drawText(line, { x: 56, y, size: 10.5, font });
      y -= 14;
    }
    page.drawText(`Página ${doc.getPageCount()}`, { x: 280, y: 40, size: 8, font });
  }
  return doc.save({ useObjectStreams: false });
}

/** A PDF whose trailer says it is encrypted with a user password that the empty password does not open. */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText('secret', { x: 20, y: 100 });
  const { context } = doc;
  const filler = PDFString.of('0123456789abcdef0123456789abcdef');
  const encrypt = context.obj({
    Filter: PDFName.of('Standard'),
    V: PDFNumber.of(1),
    R: PDFNumber.of(2),
    O: filler,
    U: filler,
    P: PDFNumber.of(-4),
  });
  context.trailerInfo.Encrypt = context.register(encrypt);
  context.trailerInfo.ID = context.obj([filler, filler]);
  return doc.save({ useObjectStreams: false });
}

/**
 * The dossier's layout: DossierContent and the fonts in, PDF bytes out, in memory (no I/O), with
 * pdfkit. Every page carries a header naming the incident and the level and a footer with its number
 * ("page 3 of 12"), so a page torn out of a bundle still says where it belongs. English labels: a
 * dossier is read by lawyers and mechanisms that work in English; the quoted passages stay in the
 * language the sources wrote them in, which is why the embedded fonts cover Cyrillic.
 */
import type { DossierContent, DossierSource } from './dossierContent.ts';
import type { DossierFonts } from './dossierFonts.ts';

const MARGIN = { top: 70, bottom: 64, left: 56, right: 56 };
const SIZE = { title: 22, h1: 15, h2: 11.5, body: 9.5, small: 8, mono: 7.6 };
const GREY = '#555555';
const INK = '#111111';

type Doc = PDFKit.PDFDocument;

const LEVEL_TEXT = {
  partner:
    'Partner level: for a trusted organisation. Texts are as recorded; sources carry their SHA-256, size and file name, and their originals may accompany this dossier. Staff appear by role and pseudonym.',
  public:
    'Public level: personal data is removed from every text (names and contacts of protected persons, and personal data found by detection), exactly as in a public dataset export. The SHA-256, size and file name of originals are withheld, since they would confirm a guessed removed value; capture times are given to the day. Staff appear by role and pseudonym.',
} as const;

export async function renderDossierPdf(content: DossierContent, fonts: DossierFonts): Promise<Uint8Array> {
  // Loaded on the first dossier: pdfkit and its fonts are ~30 MiB resident otherwise.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: {
      Title: `Evidence dossier: ${content.incident.title}`,
      Subject: `Incident ${content.incident.id} (${content.level} level)`,
      Creator: `Attest ${content.attestVersion}`,
      Producer: `Attest ${content.attestVersion}`,
      CreationDate: content.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('regular', Buffer.from(fonts.regular));
  doc.registerFont('bold', Buffer.from(fonts.bold));
  doc.registerFont('italic', Buffer.from(fonts.italic));
  doc.registerFont('mono', Buffer.from(fonts.mono));
  doc.font('regular').fontSize(SIZE.body).fillColor(INK);

  titlePage(doc, content);
  summarySection(doc, content);
  actsSection(doc, content);
  claimsSection(doc, content);
  sourcesSection(doc, content);
  custodySection(doc, content);
  verificationSection(doc, content);
  headersAndFooters(doc, content);

  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

const width = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;

/** Starts a new page when fewer than `points` remain, so a heading never sits alone at the bottom. */
function keepSpace(doc: Doc, points: number): void {
  if (doc.y + points > doc.page.height - MARGIN.bottom) doc.addPage();
}

function h1(doc: Doc, text: string, newPage = true): void {
  if (newPage) doc.addPage();
  else keepSpace(doc, 60);
  doc
    .font('bold')
    .fontSize(SIZE.h1)
    .fillColor(INK)
    .text(text, MARGIN.left, doc.y, { width: width(doc) });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(SIZE.body);
}

function h2(doc: Doc, text: string): void {
  keepSpace(doc, 50);
  doc.moveDown(0.6);
  doc
    .font('bold')
    .fontSize(SIZE.h2)
    .fillColor(INK)
    .text(text, MARGIN.left, doc.y, { width: width(doc) });
  doc.moveDown(0.25);
  doc.font('regular').fontSize(SIZE.body);
}

function para(
  doc: Doc,
  text: string,
  options: { color?: string; size?: number; indent?: number } = {},
): void {
  const indent = options.indent ?? 0;
  doc
    .font('regular')
    .fontSize(options.size ?? SIZE.body)
    .fillColor(options.color ?? INK)
    .text(text, MARGIN.left + indent, doc.y, { width: width(doc) - indent });
  doc.fillColor(INK).fontSize(SIZE.body);
}

/** "Label: value" with the label in bold; the value wraps under itself. */
function field(doc: Doc, label: string, value: string, indent = 0): void {
  keepSpace(doc, 14);
  doc
    .font('bold')
    .fontSize(SIZE.body)
    .fillColor(INK)
    .text(`${label}: `, MARGIN.left + indent, doc.y, { width: width(doc) - indent, continued: true })
    .font('regular')
    .text(value);
}

/** A quoted passage, indented, in italics, with the source it comes from. */
function quote(doc: Doc, text: string, attribution: string, indent = 14): void {
  keepSpace(doc, 28);
  const x = MARGIN.left + indent;
  const top = doc.y;
  doc
    .font('italic')
    .fontSize(SIZE.body)
    .fillColor(INK)
    .text(`“${text.trim()}”`, x + 8, top, { width: width(doc) - indent - 8 });
  // A rule beside the quote on the page where it starts (a quote that runs on keeps its indent).
  if (doc.y > top)
    doc.save().moveTo(x, top).lineTo(x, doc.y).lineWidth(1.2).strokeColor('#999999').stroke().restore();
  doc
    .font('regular')
    .fontSize(SIZE.small)
    .fillColor(GREY)
    .text(attribution, x + 8, doc.y, {
      width: width(doc) - indent - 8,
    });
  doc.fillColor(INK).fontSize(SIZE.body).moveDown(0.4);
}

function mono(doc: Doc, text: string, indent = 0): void {
  doc
    .font('mono')
    .fontSize(SIZE.mono)
    .fillColor(INK)
    .text(text, MARGIN.left + indent, doc.y, { width: width(doc) - indent });
  doc.font('regular').fontSize(SIZE.body);
}

function titlePage(doc: Doc, content: DossierContent): void {
  doc.y = 150;
  doc
    .font('bold')
    .fontSize(SIZE.title)
    .text('Evidence dossier', MARGIN.left, doc.y, { width: width(doc) });
  doc.moveDown(0.4);
  doc
    .font('regular')
    .fontSize(SIZE.h1)
    .text(content.incident.title, { width: width(doc) });
  doc.moveDown(1.5);
  doc.fontSize(SIZE.body);
  field(doc, 'Incident', content.incident.id);
  field(doc, 'Level', content.level);
  if (content.organisation) field(doc, 'Organisation', content.organisation);
  field(doc, 'Generated', `${content.generatedAt.toISOString().replace('T', ' ').slice(0, 19)} UTC`);
  field(doc, 'Generated by', content.generatedBy);
  field(doc, 'Made with', `Attest ${content.attestVersion}`);
  doc.moveDown(1);
  para(doc, LEVEL_TEXT[content.level], { color: GREY });
  doc.moveDown(1.5);
  doc.font('bold').text('Contents');
  doc.font('regular');
  for (const line of [
    '1. Incident summary',
    '2. Acts: type, place, dates, counts, status, and the passages that support them',
    '3. Official claims and denials, beside what they deny',
    '4. Sources',
    '5. Chain of custody',
    '6. How to verify this dossier',
  ])
    para(doc, line, { indent: 10 });
}

function summarySection(doc: Doc, content: DossierContent): void {
  const incident = content.incident;
  h1(doc, '1. Incident summary');
  field(doc, 'Title', incident.title);
  field(doc, 'Status', incident.status);
  if (incident.statusReason) field(doc, 'Reason for the status', incident.statusReason);
  field(doc, 'Evidence', incident.evidence);
  field(doc, 'Place', incident.place);
  field(doc, 'Dates', incident.dates);
  field(doc, 'Types of acts', incident.types.join(', ') || 'none recorded');
  field(doc, 'Victims (range over the acts)', incident.victims);
  if (incident.tags.length) field(doc, 'Tags', incident.tags.join(', '));
  if (incident.summary) {
    h2(doc, 'Summary');
    para(doc, incident.summary);
  }
  if (content.statistics.length) {
    h2(doc, 'Acts counted by type, country and year');
    para(
      doc,
      'Counts of acts; small cells, and the cells that would give them away, read "suppressed", as in the dataset export.',
      {
        color: GREY,
        size: SIZE.small,
      },
    );
    for (const row of content.statistics)
      para(doc, `${row.dimension} · ${row.key}: ${row.display}`, { indent: 10 });
  }
  if (content.interventions.length) {
    h2(doc, 'Interventions');
    for (const intervention of content.interventions) {
      field(doc, intervention.type, `${intervention.description} (${intervention.date})`);
      if (intervention.actor) field(doc, 'By', intervention.actor, 14);
      if (intervention.outcome) field(doc, 'Outcome', intervention.outcome, 14);
      if (intervention.source) {
        // The description is often the passage itself; quote the source only when it says more.
        const quoted =
          intervention.passage && intervention.passage.trim() !== intervention.description.trim();
        if (quoted) quote(doc, intervention.passage!, `Source ${intervention.source}`);
        else para(doc, `Source ${intervention.source}`, { indent: 14, color: GREY, size: SIZE.small });
      }
    }
  }
}

function actsSection(doc: Doc, content: DossierContent): void {
  h1(doc, '2. Acts');
  if (content.acts.length === 0) para(doc, 'No act is recorded for this incident.');
  for (const act of content.acts) {
    // An act's heading and its fields stay on one page.
    keepSpace(doc, 130);
    h2(doc, `Act ${act.number}: ${act.type}`);
    field(doc, 'Place', act.place);
    field(doc, 'Dates', act.dates);
    if (act.victimGroup) field(doc, 'Victims', act.victimGroup);
    if (act.perpetrators.length) field(doc, 'Alleged perpetrators', act.perpetrators.join('; '));
    field(doc, 'Count', `${act.range} (range the sources give); counted: ${act.chosen}`);
    field(doc, 'Why this figure', act.chosenReason);
    field(doc, 'Status', `${act.status} — ${act.statusReason}`);
    if (act.passages.length) {
      doc.moveDown(0.3);
      doc.font('bold').text('Supporting passages', MARGIN.left, doc.y).font('regular');
      for (const passage of act.passages) {
        const figure = passage.figure ? `; figure in this source: ${passage.figure}` : '';
        const repeat = passage.independent ? '' : '; repeats an earlier report (not independent)';
        quote(doc, passage.text, `Source ${passage.source}${figure}${repeat}`);
      }
    }
    for (const denial of act.denials) {
      doc.font('bold').text('Denied', MARGIN.left, doc.y).font('regular');
      quote(doc, denial.passage || denial.text, `${denial.actor ?? 'Unnamed'} — source ${denial.source}`);
    }
  }
}

function claimsSection(doc: Doc, content: DossierContent): void {
  h1(doc, '3. Official claims and denials');
  const denials = content.acts
    .flatMap((act) => act.denials)
    .concat(content.otherClaims.filter((c) => c.denies));
  if (denials.length === 0 && content.otherClaims.length === 0)
    para(doc, 'No claim or denial is recorded beside the acts above.');
  for (const denial of denials) {
    h2(doc, `${denial.actor ?? 'Unnamed'} denies ${denial.denies}`);
    quote(doc, denial.passage || denial.text, `Source ${denial.source}`);
  }
  const assertions = content.otherClaims.filter((claim) => !claim.denies);
  if (assertions.length) {
    h2(doc, 'Other claims');
    for (const claim of assertions)
      quote(doc, claim.passage || claim.text, `${claim.actor ?? 'Unnamed'} — source ${claim.source}`);
  }
}

function sourceLines(source: DossierSource): Array<[string, string]> {
  const lines: Array<[string, string]> = [
    ['Publisher', source.publisher],
    ['URL', source.url ?? 'none (not from the web)'],
  ];
  if (source.publishedOn) lines.push(['Published', source.publishedOn]);
  lines.push(['Captured', source.capturedAt]);
  lines.push(['Type', source.mediaType]);
  if (source.fileName) lines.push(['File name', source.fileName]);
  if (source.byteSize !== null) lines.push(['Size', `${source.byteSize} bytes`]);
  if (source.timestamp)
    lines.push(['Timestamp', `${source.timestamp.time}, by ${source.timestamp.authority}`]);
  return lines;
}

function sourcesSection(doc: Doc, content: DossierContent): void {
  h1(doc, '4. Sources');
  for (const source of content.sources) {
    h2(doc, `${source.ref}. ${source.title}`);
    for (const [label, value] of sourceLines(source)) field(doc, label, value, 10);
    if (source.sha256) {
      doc.font('bold').text('SHA-256: ', MARGIN.left + 10, doc.y, { continued: true });
      doc.font('mono').fontSize(SIZE.mono).text(source.sha256);
      doc.font('regular').fontSize(SIZE.body);
    }
  }
}

function custodySection(doc: Doc, content: DossierContent): void {
  h1(doc, '5. Chain of custody');
  para(
    doc,
    'From the organisation’s hash-chained audit log, oldest first. Accounts are named by role and a pseudonym valid in this dossier only; the number is the audit entry, which the organisation can look up and prove with “attest audit verify”.',
    { color: GREY, size: SIZE.small },
  );
  doc.moveDown(0.5);
  if (content.custody.length === 0) para(doc, 'The audit log holds no entry about these records.');
  for (const line of content.custody) {
    keepSpace(doc, 24);
    const when = `${line.at.toISOString().replace('T', ' ').slice(0, 16)} UTC`;
    doc
      .font('mono')
      .fontSize(SIZE.mono)
      .fillColor(GREY)
      .text(`#${line.seq}  ${when}`, MARGIN.left, doc.y, { width: width(doc) });
    para(doc, `${line.who} ${line.what} — ${line.record}`, { indent: 14 });
    doc.moveDown(0.2);
  }
}

function verificationSection(doc: Doc, content: DossierContent): void {
  h1(doc, '6. How to verify this dossier');
  para(
    doc,
    'A SHA-256 is a fingerprint of a file: changing a single byte changes it completely. Anyone can compute it with the standard tool sha256sum (Linux; on macOS “shasum -a 256”, on Windows “certutil -hashfile FILE SHA256”) and compare it with the value printed here.',
  );
  h2(doc, 'The originals of the sources');
  const hashed = content.sources.filter((source) => source.sha256);
  if (hashed.length) {
    para(
      doc,
      'With the ZIP of this dossier, the originals are in its “originals” folder, each named by its SHA-256. In that folder run:',
    );
    doc.moveDown(0.3);
    mono(doc, 'sha256sum *', 14);
    doc.moveDown(0.3);
    para(doc, 'Each line printed must show the same value as below, for the source named beside it:');
    doc.moveDown(0.3);
    for (const source of hashed) {
      keepSpace(doc, 20);
      para(doc, `${source.ref}. ${source.title}`, { size: SIZE.small, color: GREY, indent: 14 });
      mono(doc, source.sha256!, 14);
    }
  } else {
    para(
      doc,
      'At public level the fingerprints of the originals are withheld (see the title page). A partner-level dossier, given by the organisation to a trusted recipient, carries them.',
    );
  }
  h2(doc, 'The ZIP as a whole');
  para(
    doc,
    'In the unzipped folder, this checks every file, this PDF and the manifest included, and prints OK for each:',
  );
  doc.moveDown(0.3);
  mono(doc, 'sha256sum -c SHA256SUMS', 14);
  doc.moveDown(0.3);
  para(
    doc,
    'manifest.json lists the same files with their sizes and what each one is. The organisation’s audit log records the SHA-256 of this PDF when it was generated (entry “incident.dossier”), so the organisation can confirm that this is the dossier it issued.',
  );
  h2(doc, 'At the organisation');
  mono(doc, 'attest verify', 14);
  para(doc, 're-hashes every preserved original against its record and checks the audit chain;', {
    indent: 14,
  });
  doc.moveDown(0.3);
  mono(doc, 'attest audit verify', 14);
  para(doc, 'checks the audit log from which the chain of custody above was read.', { indent: 14 });
}

function headersAndFooters(doc: Doc, content: DossierContent): void {
  const range = doc.bufferedPageRange();
  const title =
    content.incident.title.length > 70 ? `${content.incident.title.slice(0, 69)}…` : content.incident.title;
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing in the margins must not make pdfkit start a page of its own.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const lineWidth = width(doc);
    doc.font('regular').fontSize(SIZE.small).fillColor(GREY);
    doc.text(`Evidence dossier · ${title}`, MARGIN.left, 30, {
      width: lineWidth - 90,
      lineBreak: false,
      ellipsis: true,
    });
    doc.text(`${content.level} level`.toUpperCase(), MARGIN.left, 30, {
      width: lineWidth,
      align: 'right',
      lineBreak: false,
    });
    doc
      .save()
      .moveTo(MARGIN.left, 44)
      .lineTo(MARGIN.left + lineWidth, 44)
      .lineWidth(0.5)
      .strokeColor('#bbbbbb')
      .stroke()
      .restore();
    const footerY = doc.page.height - 40;
    doc.text(`Incident ${content.incident.id}`, MARGIN.left, footerY, { width: lineWidth, lineBreak: false });
    doc.text(`Page ${index - range.start + 1} of ${range.count}`, MARGIN.left, footerY, {
      width: lineWidth,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor(INK);
}

/**
 * `attest dossier INCIDENT_ID --out FILE.pdf [--level partner|public] [--zip]`: the evidence dossier
 * of one incident as a PDF, or with --zip a ZIP of the PDF, the originals the level allows and a
 * manifest. Signs in like `attest export` (ATTEST_USER, ATTEST_PASSWORD once accounts exist); the
 * role must allow exports. The file is written whole or not at all, and never over an existing one.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { InvalidInput, UsageError } from '../../core/errors.ts';
import { type Actor, releaseActor } from '../../services/accounts/actor.ts';
import { DOSSIER_LEVELS, type DossierLevel, makeDossier } from '../../services/dossier/dossier.ts';
import { type Command, stringOption, writeJson } from '../command.ts';
import { writeNewFile } from '../fileOutput.ts';
import { signInOnceAccountsExist } from '../signIn.ts';
import { DATA_OPTION, operatingSystemUser, withStore } from '../storeOption.ts';

const Uuid = z.uuid();

export const dossierCommand: Command = {
  name: 'dossier',
  summary: 'evidence dossier of one incident as a PDF (with --zip: and its originals, with a manifest)',
  usage: 'INCIDENT_ID --out FILE.pdf [--level partner|public] [--zip]',
  options: {
    ...DATA_OPTION,
    out: { type: 'string', description: 'the file to write (a new file; its directory must exist)' },
    level: {
      type: 'string',
      description: 'partner (default: texts as recorded, hashes) or public (redacted as a public export)',
    },
    zip: {
      type: 'boolean',
      description: 'write a ZIP: the PDF, the originals (partner level), manifest.json and SHA256SUMS',
    },
  },
  async run(args, io) {
    const [incidentId, ...extra] = args.positionals;
    if (!incidentId || extra.length > 0) throw new UsageError('give exactly one incident id');
    if (!Uuid.safeParse(incidentId).success)
      throw new UsageError(`${incidentId} is not an incident id (a UUID)`);
    const out = stringOption(args, 'out');
    if (!out) throw new UsageError('give the file to write with --out FILE.pdf');
    const level = stringOption(args, 'level') ?? 'partner';
    if (!(DOSSIER_LEVELS as readonly string[]).includes(level))
      throw new UsageError('--level must be partner or public');
    const zip = args.values.zip === true;
    // Refuse before signing in or reading anything: nothing is made that could not be written.
    const target = resolve(io.cwd, out);
    const directory = dirname(target);
    if (!existsSync(directory) || !statSync(directory).isDirectory())
      throw new UsageError(`--out: the directory ${directory} does not exist`);
    if (existsSync(target)) throw new InvalidInput(out, 'already exists; choose another file name');

    const dossier = await withStore(args, io, async (store) => {
      const actor: Actor | null = await signInOnceAccountsExist(store.db, io, 'make a dossier');
      try {
        return await makeDossier(
          store,
          { incidentId, level: level as DossierLevel, zip },
          { actor, generatedBy: actor?.email ?? operatingSystemUser() },
        );
      } finally {
        if (actor) releaseActor(actor);
      }
    });
    const path = writeNewFile(io, out, dossier.bytes);

    for (const warning of dossier.warnings) io.stderr.write(`attest: warning: ${warning}\n`);
    if (args.values.json) {
      writeJson(io, {
        file: path,
        level,
        zip,
        bytes: dossier.bytes.byteLength,
        pdfSha256: dossier.pdfSha256,
        originals: dossier.originals,
        redactions: dossier.redactions,
      });
    } else {
      io.stdout.write(
        `${level} dossier written to ${path} (${dossier.bytes.byteLength} bytes` +
          `${zip ? `, ${dossier.originals} originals` : ''}${level === 'public' ? `, ${dossier.redactions} redactions` : ''}); PDF SHA-256 ${dossier.pdfSha256}\n`,
      );
    }
    return 0;
  },
};

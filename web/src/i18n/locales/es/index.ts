// Written by scripts/i18n-split.ts from the files beside it: edit those, not this.
import type { Messages } from '../../catalogue.ts';
import admin from './admin.ts';
import app from './app.ts';
import capture from './capture.ts';
import casework from './casework.ts';
import corroboration from './corroboration.ts';
import dossier from './dossier.ts';
import edit from './edit.ts';
import errors from './errors.ts';
import estimation from './estimation.ts';
import imports from './imports.ts';
import jobs from './jobs.ts';
import linkage from './linkage.ts';
import ocr from './ocr.ts';
import sealed from './sealed.ts';
import stats from './stats.ts';

export default {
  ...admin,
  ...app,
  ...capture,
  ...casework,
  ...corroboration,
  ...dossier,
  ...edit,
  ...errors,
  ...estimation,
  ...imports,
  ...jobs,
  ...linkage,
  ...ocr,
  ...sealed,
  ...stats,
} satisfies Messages;

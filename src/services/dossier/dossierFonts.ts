/**
 * The fonts a dossier embeds: DejaVu Sans (regular, bold, oblique) and DejaVu Sans Mono for hashes,
 * from the dejavu-fonts-ttf package (a free licence, see its LICENSE), read from node_modules. They
 * cover Latin, Cyrillic and the punctuation the working languages use, so a dossier reads the same on
 * any machine: nothing comes from the operating system or the network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface DossierFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
  mono: Uint8Array;
}

let loaded: DossierFonts | null = null;

export function dossierFonts(): DossierFonts {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const font = (file: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
  loaded = {
    regular: font('DejaVuSans.ttf'),
    bold: font('DejaVuSans-Bold.ttf'),
    italic: font('DejaVuSans-Oblique.ttf'),
    mono: font('DejaVuSansMono.ttf'),
  };
  return loaded;
}

/**
 * Whether the OCR programs are installed: Tesseract with the language model,
 * and poppler's pdftoppm for PDF pages. Asked once per program and thread.
 * saochep never downloads a model: a missing one is a typed error that names
 * the Debian packages to install.
 */
import { SaochepError } from '../../errors.js';
import { ToolFailure, runTool } from './run-tool.js';

/** The Debian packages OCR needs. */
export const OCR_PACKAGES = 'tesseract-ocr tesseract-ocr-vie poppler-utils';

const languagesOf = new Map<string, Promise<string[] | ToolFailure>>();
const rasterisers = new Map<string, Promise<true | ToolFailure>>();

function unavailable(path: string, what: string): SaochepError {
  return new SaochepError(
    'ERR_SAOCHEP_OCR_UNAVAILABLE',
    `${path}: ${what}, so this scanned document cannot be read. Install OCR (Debian/Ubuntu: apt-get install ${OCR_PACKAGES}) and read it again, or run it through OCR elsewhere and give the text.`,
  );
}

async function listLanguages(tesseract: string): Promise<string[] | ToolFailure> {
  try {
    const out = await runTool({
      command: tesseract,
      args: ['--list-langs'],
      timeoutMs: 20_000,
      maxOutputBytes: 1 << 20,
    });
    // The first line says where the models are; one language a line follows.
    return out
      .toString('utf8')
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.trim())
      .filter(Boolean);
  } catch (error) {
    if (error instanceof ToolFailure) return error;
    throw error;
  }
}

/** Throw ERR_SAOCHEP_OCR_UNAVAILABLE unless `tesseract` runs and has every model of `language` (vie, vie+eng). */
export async function assertTesseract(
  path: string,
  tesseract: string,
  language: string,
): Promise<void> {
  let pending = languagesOf.get(tesseract);
  if (!pending) {
    pending = listLanguages(tesseract);
    languagesOf.set(tesseract, pending);
  }
  const languages = await pending;
  if (languages instanceof ToolFailure)
    throw unavailable(
      path,
      languages.kind === 'missing'
        ? `Tesseract (${tesseract}) is not installed`
        : `Tesseract does not run (${languages.message})`,
    );
  const missing = language.split('+').filter((l) => !languages.includes(l));
  if (missing.length > 0)
    throw unavailable(path, `Tesseract has no ${missing.join(', ')} language model`);
}

/** Throw ERR_SAOCHEP_OCR_UNAVAILABLE unless poppler's `pdftoppm` runs. */
export async function assertPdftoppm(path: string, pdftoppm: string): Promise<void> {
  let pending = rasterisers.get(pdftoppm);
  if (!pending) {
    pending = runTool({
      command: pdftoppm,
      args: ['-v'],
      timeoutMs: 20_000,
      maxOutputBytes: 1 << 16,
    }).then(
      () => true as const,
      (error: unknown) => {
        if (error instanceof ToolFailure) return error;
        throw error;
      },
    );
    rasterisers.set(pdftoppm, pending);
  }
  const result = await pending;
  if (result instanceof ToolFailure)
    throw unavailable(
      path,
      result.kind === 'missing'
        ? `poppler's pdftoppm (${pdftoppm}) is not installed`
        : `pdftoppm does not run (${result.message})`,
    );
}

import * as path from 'node:path';

/** The Signet checkout this CLI runs from (`apps/cli/src` is three levels down). */
export const PROJECT_ROOT = path.resolve(__dirname, '../../..');

import * as path from 'node:path';

/** The Signet checkout this code runs from (`apps/api/src` is three levels down). */
export const PROJECT_ROOT = path.resolve(__dirname, '../../..');

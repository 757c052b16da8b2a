/** Maps the `@signet/*` aliases of tsconfig.base.json to files, so Jest resolves them as TypeScript does. */
const path = require('node:path');
const { compilerOptions } = require('../tsconfig.base.json');

const root = path.join(__dirname, '..');
const mapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  mapper[`^${alias.replace(/[/]/g, '\\/')}$`] = path.join(root, target);
}
module.exports = mapper;

export default {
  displayName: 'server-audit',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};

export default {
  displayName: 'server-common',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};

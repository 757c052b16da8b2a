export default {
  displayName: 'server-definitions',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};

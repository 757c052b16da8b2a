export default {
  displayName: 'server-auth',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};

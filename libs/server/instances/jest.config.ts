export default {
  displayName: 'server-instances',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};

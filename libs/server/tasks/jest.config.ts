export default {
  displayName: 'server-tasks',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};

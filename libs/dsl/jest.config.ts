export default {
  displayName: 'dsl',
  preset: '../../jest.preset.js',
  rootDir: '.',
};

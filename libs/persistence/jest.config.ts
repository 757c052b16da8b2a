export default {
  displayName: 'persistence',
  preset: '../../jest.preset.js',
  rootDir: '.',
  setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
};

export default {
  displayName: 'api',
  preset: '../../jest.preset.js',
  rootDir: '.',
  // Each e2e file boots the app on a fresh database (PGlite start-up alone takes seconds).
  testTimeout: 60_000,
};

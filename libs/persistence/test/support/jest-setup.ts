// Each test file opens its own database, and starting PGlite alone takes a few seconds; `testTimeout`
// is a global Jest option, so the project sets its timeout here.
jest.setTimeout(60_000);

import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Every GraphQL answer says `cache-control: no-store`: answers depend on who asks and change with
 * every decision. Apollo's cache-control plugin (disabled in `AppModule`, ADR 0020) sent the same
 * header, having no cache hints to work with, but hooked every field of every request to find that out.
 */
export function noStorePlugin(): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ response }) => {
          response.http.headers.set('cache-control', 'no-store');
          return Promise.resolve();
        },
      }),
  };
}

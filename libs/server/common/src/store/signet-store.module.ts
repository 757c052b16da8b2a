import type { DynamicModule } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import type { SignetStore } from '@signet/persistence';
import { SIGNET_STORE } from './signet-store.token';

/** Makes one `SignetStore` injectable everywhere as `SIGNET_STORE`. The app owns its lifecycle. */
@Global()
@Module({})
export class SignetStoreModule {
  static forStore(store: SignetStore): DynamicModule {
    return {
      module: SignetStoreModule,
      providers: [{ provide: SIGNET_STORE, useValue: store }],
      exports: [SIGNET_STORE],
    };
  }
}

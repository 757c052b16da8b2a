/** Injection token of the `SignetStore` (from `@signet/persistence`) every resolver talks to. */
export const SIGNET_STORE = Symbol('SIGNET_STORE');

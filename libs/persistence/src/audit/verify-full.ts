import type { StoreDeps } from '../store/store-deps';
import { readEm } from '../store/store-deps';
import { verifyGlobalChain, verifyInstanceLinks } from './global-chain';
import { verifyAudit } from './verify-audit';

/** The per-instance chains and the global chain, checked together. */
export interface FullVerification {
  ok: boolean;
  /** Events whose per-instance chain was checked. */
  checkedEvents: number;
  /** The first broken event: the per-instance chains' first, else the global chain's. */
  firstBrokenEventId: string | null;
  /** Whether the global chain (or, for one instance, its events' links in it) is intact. */
  globalChainOk: boolean;
  /** Links of the global chain checked (0 when one instance is verified). */
  checkedLinks: number;
  /** The global chain's head hash after a whole-log check; null for one instance. */
  headHash: string | null;
}

/**
 * Verifies one instance (its chain, and that each of its events is linked, unchanged, into the
 * global chain), or the whole log (every instance chain, then the global chain from its first link to
 * the head). Throws NOT_FOUND for an unknown instance, as `verifyAudit` does.
 */
export async function verifyFull(deps: StoreDeps, instanceId?: string): Promise<FullVerification> {
  const perInstance = await verifyAudit(deps, instanceId);
  const em = readEm(deps);
  if (instanceId !== undefined) {
    const brokenLink = await verifyInstanceLinks(em, instanceId);
    return {
      ok: perInstance.ok && brokenLink === null,
      checkedEvents: perInstance.checkedEvents,
      firstBrokenEventId: perInstance.firstBrokenEventId ?? brokenLink,
      globalChainOk: brokenLink === null,
      checkedLinks: 0,
      headHash: null,
    };
  }
  const global = await verifyGlobalChain(em);
  return {
    ok: perInstance.ok && global.ok,
    checkedEvents: perInstance.checkedEvents,
    firstBrokenEventId: perInstance.firstBrokenEventId ?? global.firstBrokenEventId,
    globalChainOk: global.ok,
    checkedLinks: global.checkedLinks,
    headHash: global.headHash,
  };
}

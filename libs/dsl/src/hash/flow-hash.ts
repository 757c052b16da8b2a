import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { FlowIR } from '../ir/flow-ir';
import { canonicalJson } from './canonical-json';

/**
 * The hash of a FlowIR: sha-256 (hex) of the canonical JSON of the IR without its `hash` field. A
 * `hash` present on the argument is ignored, so `flowHash(ir) === ir.hash` verifies a stored IR.
 */
export function flowHash(ir: Omit<FlowIR, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...rest } = ir;
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(rest))));
}

/** Remembering delivery ids (`X-Myaza-Delivery`) so a repeated delivery is recognised. */

/**
 * Where delivery ids are remembered. `claim` records the id and says whether it was new, in one
 * step, so two concurrent copies of a delivery cannot both pass (back it with e.g. Redis
 * `SET NX` when several processes receive webhooks).
 */
export interface DeliveryIdStore {
  claim(deliveryId: string): boolean | Promise<boolean>;
}

/** In-memory store of the last `limit` delivery ids (default 10,000); the oldest are forgotten first. */
export function createDeliveryIdMemory(limit = 10_000): DeliveryIdStore {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`createDeliveryIdMemory: limit must be a positive integer, got ${limit}.`);
  const seen = new Set<string>();
  return {
    claim(deliveryId) {
      if (seen.has(deliveryId)) return false;
      seen.add(deliveryId);
      if (seen.size > limit) seen.delete(seen.values().next().value as string);
      return true;
    },
  };
}

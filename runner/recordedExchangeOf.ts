import type { PoolContext } from '../contract/poolContext.js';
import type { Exchange } from '../targets/exchange.js';
import type { RecordedExchange } from '../targets/recording/recordedExchange.js';

/**
 * An exchange in the recorded form the lifecycle judges read (oracles/lifecycleJudge.ts), kept in
 * memory only: secrets are not masked here (the judges mask them in every verdict; `run --record`
 * writes its own masked records). `pool` carries the fixtures the Update validation is judged against.
 */
export function recordedExchangeOf(e: Exchange, sentAt: number, pool: PoolContext): RecordedExchange {
  return {
    operation: e.operation,
    request: { ...e.input },
    response: { status: e.status, headers: { ...e.headers }, body: e.body ?? null },
    recordedAt: new Date(sentAt).toISOString(),
    ...(e.layer === 'sdk-client' ? { layer: 'sdk-client' as const } : {}),
    pool: {
      userPoolId: pool.userPoolId,
      customAttributes: pool.customAttributes.map((a) => ({ name: a.name, mutable: a.mutable, ...(a.required === undefined ? {} : { required: a.required }) })),
      resourceServerScopes: [...pool.resourceServerScopes],
      identityProviders: [...pool.identityProviders],
      requiredAttributes: [...(pool.requiredAttributes ?? [])],
    },
  };
}

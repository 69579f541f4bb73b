// The gateway in front of the local Jira: rate limits, fault injection and the request log.
export { createGateway, INVOCATION_HEADER } from './gateway';
export type { Gateway, GatewayObserver, GatewayOptions, ObservedRequest } from './gateway';
export { GatewayConfigError } from './config-error';
export { DEFAULT_RATE_LIMITS } from './rate-limiter';
export type { MonotonicSource } from './limit-clock';
export type { RateLimitConfig, RateLimiter, RateLimitReason, RateLimitState } from './rate-limiter';
export type { Fault, FaultCallers, FaultInjector, FaultSettings } from './fault-injector';
export type { RequestLog, RequestLogFilter, RequestTotals } from './request-log';
export type { GatewayRequest, JiraGateway, RequestLogEntry } from './types';

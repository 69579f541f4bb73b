/** Bad settings for the gateway (rate limits, faults): the control API answers them with a 400. */
export class GatewayConfigError extends Error {
  override readonly name = 'GatewayConfigError';
}

package routes.order;

import routes.support.LraModeTest;

/**
 * Every path of the order saga (happy, each compensation, timeout, retries, duplicates, recovery of a
 * lost saga) in LRA mode: begun, joined, closed and cancelled through a real coordinator, which calls
 * the compensations back over HTTP with their signed URLs.
 */
@LraModeTest
class LraOrderSagaIntegrationTest extends OrderSagaIntegrationTest {}

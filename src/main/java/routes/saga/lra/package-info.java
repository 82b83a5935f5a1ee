/**
 * The LRA mode's saga service: Camel's MicroProfile LRA service, closed where Camel 4.17 leaves it
 * open. It talks to one configured coordinator and refuses a saga id that names another
 * ({@link routes.saga.lra.TrustedCoordinator}); every participant URL it gives the coordinator
 * carries a signature ({@link routes.saga.lra.CallbackSignature}) that the callback filter checks
 * before any callback reaches a route. Upstream fixed both only in 4.18.6/4.22.2.
 */
package routes.saga.lra;

/**
 * The order saga's contract, shared by the contexts that take part in it: its steps and
 * compensations declared once ({@link routes.ordersaga.SagaStep}), the order row they all decide on
 * ({@link routes.ordersaga.Order}, written through {@link routes.ordersaga.OrderLog}), the one shape
 * of a participant route, and the routes that run the saga and recover lost ones. The order,
 * inventory and payment contexts build on it and never import each other.
 */
package routes.ordersaga;

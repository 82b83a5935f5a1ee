/**
 * The application's own in-process saga service for Camel's Saga EIP. It replaces Camel 4.17's
 * InMemorySagaService, which keeps every finished saga, drops compensations when its queue is full
 * and runs later compensations after an earlier one failed. Nothing here knows the order saga.
 */
package routes.saga;
